using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Syndication;

internal static class SyndicationTestData
{
    public static readonly Actor Editor = new("syndication-tester", "127.0.0.1");

    public static JsonObject Parts(string title, string markdown, JsonObject? syndication = null)
    {
        var parts = new JsonObject
        {
            ["Title"] = new JsonObject { ["title"] = title },
            ["MarkdownBody"] = new JsonObject { ["markdown"] = markdown },
        };
        if (syndication is not null) parts["Syndication"] = syndication;
        return parts;
    }

    public static async Task<int> ColumnIdAsync(IServiceProvider services, string site, string path)
    {
        var db = services.GetRequiredService<CmsDbContext>();
        return await db.CrossSite<Column>().Where(c => c.Path == path && db.Sites.Any(s => s.Id == c.SiteId && s.Key == site)).Select(c => c.Id).FirstAsync();
    }
}
