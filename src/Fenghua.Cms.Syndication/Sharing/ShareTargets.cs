using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Syndication.Sharing;

/// <summary>
/// Where an item can be offered (信息报送): the list columns of the other enabled sites that list its content type.
/// A form option's value is "site:column/path".
/// </summary>
public sealed class ShareTargets(CmsDbContext db)
{
    public sealed record Target(string Value, string Label);

    public async Task<List<Target>> ForAsync(ContentItem item, CancellationToken ct = default)
    {
        var sites = await db.Sites.AsNoTracking().Where(s => s.Enabled && s.Id != item.SiteId).OrderBy(s => s.Id).ToListAsync(ct);
        var siteIds = sites.Select(s => s.Id).ToList();
        var columns = await db.CrossSite<Column>().AsNoTracking().Where(c => siteIds.Contains(c.SiteId) && c.Kind == ColumnKind.List).OrderBy(c => c.Path).ToListAsync(ct);
        return sites.SelectMany(s => columns.Where(c => c.SiteId == s.Id && c.ContentTypes.Contains(item.ContentType))
            .Select(c => new Target(Value(s.Key, c.Path), $"{s.Name} · {c.Name}（{c.Path}）"))).ToList();
    }

    public static string Value(string siteKey, string columnPath) => $"{siteKey}:{columnPath}";

    /// <summary>The site key and column path of an option's value; nulls when it is malformed (the service then names the field).</summary>
    public static (string? Site, string? ColumnPath) Parse(string? value)
    {
        var at = value?.IndexOf(':') ?? -1;
        return at <= 0 ? (null, null) : (value![..at], value[(at + 1)..]);
    }
}
