using System.Net;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Content;
using Fenghua.Cms.Data.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fenghua.Cms.Web.Tests.Syndication.ChannelManagementTests;

namespace Fenghua.Cms.Web.Tests.Syndication;

/// <summary>信息报送 end to end: a department submits, the portal's reviewer decides, the portal lists the source's item.</summary>
public abstract class SharingTests(CmsFactory factory)
{
    private void SkipWithoutStore() => Skip.If(factory.Unavailable is not null, factory.Unavailable);

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<(int Id, string Path)> PublishAtCzjAsync(string title)
    {
        await using var scope = await factory.SiteScopeAsync("czj");
        var content = scope.ServiceProvider.GetRequiredService<ContentService>();
        var siteId = scope.ServiceProvider.GetRequiredService<SiteContext>().SiteId!.Value;
        var item = await content.CreateAsync(new ContentDraft(siteId, "Notice", SyndicationTestData.Parts(title, title + "的正文。"))
            { ColumnId = await SyndicationTestData.ColumnIdAsync(scope.ServiceProvider, "czj", "tzgg") }, SyndicationTestData.Editor);
        await content.PublishAsync(item.Id, SyndicationTestData.Editor);
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        return (item.Id, (await db.ContentItems.AsNoTracking().FirstAsync(i => i.Id == item.Id)).PublicPath!);
    }

    [SkippableFact]
    public async Task A_department_item_accepted_by_the_portal_is_listed_there_from_its_one_source()
    {
        SkipWithoutStore();
        var czjAuthor = await ApiUsers.TokenAsync(factory, SiteRoles.Author, "czj");
        var portalReviewer = await ApiUsers.TokenAsync(factory, SiteRoles.Reviewer, "portal");
        var (itemId, path) = await PublishAtCzjAsync("财政局报送通知甲");
        using var client = Client();

        // Only the source site's people submit its items; only the receiving site's reviewers decide.
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(client, HttpMethod.Post, "/api/v1/sites/czj/shares", portalReviewer, new { itemId, targetSite = "portal", columnPath = "tzgg" })).StatusCode);
        using var bad = await Send(client, HttpMethod.Post, "/api/v1/sites/czj/shares", czjAuthor, new { itemId, targetSite = "portal", columnPath = "zwgk/zcwj" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("columnPath", (string?)JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["parameter"]);

        using var submitted = await Send(client, HttpMethod.Post, "/api/v1/sites/czj/shares", czjAuthor, new { itemId, targetSite = "portal", columnPath = "tzgg" });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var shareId = (int)JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!["id"]!;
        Assert.DoesNotContain("财政局报送通知甲", (await client.GetStringAsync("/tzgg")));

        Assert.Equal(HttpStatusCode.Forbidden, (await Send(client, HttpMethod.Post, $"/api/v1/sites/portal/shares/{shareId}/accept", czjAuthor)).StatusCode);
        using var queue = await Send(client, HttpMethod.Get, "/api/v1/sites/portal/shares/incoming?state=Submitted", portalReviewer);
        Assert.Contains("财政局报送通知甲", await queue.Content.ReadAsStringAsync());
        using var accepted = await Send(client, HttpMethod.Post, $"/api/v1/sites/portal/shares/{shareId}/accept", portalReviewer, new { comment = "采用" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var list = await client.GetStringAsync("/tzgg");
        Assert.Contains($"<a href=\"/czj/{path}\">财政局报送通知甲</a>", list);
        Assert.Contains("来源：宁波市奉化区财政局", list);
        var atom = await client.GetStringAsync("/feeds/tzgg.atom");
        Assert.Contains($"http://localhost/czj/{path}", atom);
        Assert.Contains("<title>宁波市奉化区财政局</title>", atom);

        // The source stays the one truth: an edit there shows on the portal, an unpublish removes it.
        await using (var scope = await factory.SiteScopeAsync("czj"))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentService>();
            await content.SaveDraftAsync(itemId, SyndicationTestData.Parts("财政局报送通知甲（更正）", "更正后的正文。"), SyndicationTestData.Editor);
            await content.PublishAsync(itemId, SyndicationTestData.Editor);
        }
        Assert.Contains("财政局报送通知甲（更正）", await client.GetStringAsync("/tzgg"));
        await using (var scope = await factory.SiteScopeAsync("czj"))
            await scope.ServiceProvider.GetRequiredService<ContentService>().UnpublishAsync(itemId, SyndicationTestData.Editor);
        Assert.DoesNotContain("财政局报送通知甲", await client.GetStringAsync("/tzgg"));
        Assert.DoesNotContain("财政局报送通知甲", await client.GetStringAsync("/feeds/tzgg.rss"));

        await using var check = factory.Scope();
        var db = check.ServiceProvider.GetRequiredService<CmsDbContext>();
        Assert.True(await db.AuditTrail.AnyAsync(a => a.Action == "share.submit" && a.Target == $"share:{shareId}"));
        Assert.True(await db.AuditTrail.AnyAsync(a => a.Action == "share.accept" && a.Target == $"share:{shareId}"));
        Assert.Null(await Fenghua.Cms.Data.Audit.AuditLog.VerifyAsync(db));
    }

    [SkippableFact]
    public async Task A_declined_or_duplicate_submission_is_not_listed()
    {
        SkipWithoutStore();
        var czjAuthor = await ApiUsers.TokenAsync(factory, SiteRoles.Author, "czj");
        var portalReviewer = await ApiUsers.TokenAsync(factory, SiteRoles.Reviewer, "portal");
        var (itemId, _) = await PublishAtCzjAsync("财政局报送通知乙");
        using var client = Client();
        using var submitted = await Send(client, HttpMethod.Post, "/api/v1/sites/czj/shares", czjAuthor, new { itemId, targetSite = "portal", columnPath = "tzgg" });
        var shareId = (int)JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!["id"]!;
        using var again = await Send(client, HttpMethod.Post, "/api/v1/sites/czj/shares", czjAuthor, new { itemId, targetSite = "portal", columnPath = "tzgg" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("itemId", (string?)JsonNode.Parse(await again.Content.ReadAsStringAsync())!["parameter"]);

        using var declined = await Send(client, HttpMethod.Post, $"/api/v1/sites/portal/shares/{shareId}/decline", portalReviewer, new { comment = "不属于本栏目" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.DoesNotContain("财政局报送通知乙", await client.GetStringAsync("/tzgg"));
        using var outgoing = await Send(client, HttpMethod.Get, "/api/v1/sites/czj/shares/outgoing", czjAuthor);
        var outgoingJson = await outgoing.Content.ReadAsStringAsync();
        var mine = JsonNode.Parse(outgoingJson)!.AsArray().Single(s => (int)s!["id"]! == shareId)!;
        Assert.True(mine["state"]!.ToJsonString() == "\"Declined\"", outgoingJson);
        Assert.Equal("不属于本栏目", (string?)mine["comment"]);
        using var twice = await Send(client, HttpMethod.Post, $"/api/v1/sites/portal/shares/{shareId}/accept", portalReviewer);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
    }

    [SkippableFact]
    public async Task The_app_content_api_lists_public_changes_since_a_time_and_withdrawals()
    {
        SkipWithoutStore();
        using var client = Client();
        var first = JsonNode.Parse(await client.GetStringAsync("/czj/api/v1/public/content?limit=100"))!;
        Assert.All(first["items"]!.AsArray(), i => Assert.StartsWith("http://localhost/czj/", (string?)i!["url"]));
        var since = (string)first["next_since"]!;
        var (itemId, path) = await PublishAtCzjAsync("客户端增量测试");
        var changed = JsonNode.Parse(await client.GetStringAsync($"/czj/api/v1/public/content?since={Uri.EscapeDataString(since)}"))!;
        var item = Assert.Single(changed["items"]!.AsArray(), i => (int)i!["id"]! == itemId)!;
        Assert.Equal($"http://localhost/czj/{path}", (string?)item["url"]);
        Assert.Contains("客户端增量测试的正文", (string?)item["content_html"]);
        await using (var scope = await factory.SiteScopeAsync("czj"))
            await scope.ServiceProvider.GetRequiredService<ContentService>().UnpublishAsync(itemId, SyndicationTestData.Editor);
        var withdrawn = JsonNode.Parse(await client.GetStringAsync($"/czj/api/v1/public/content?since={Uri.EscapeDataString(since)}"))!;
        Assert.Contains(itemId, withdrawn["removed"]!.AsArray().Select(n => (int)n!));
        Assert.DoesNotContain(withdrawn["items"]!.AsArray(), i => (int)i!["id"]! == itemId);
        // Another site's API never lists czj's items.
        var portal = JsonNode.Parse(await client.GetStringAsync("/api/v1/public/content?limit=100"))!;
        Assert.DoesNotContain(portal["items"]!.AsArray(), i => ((string?)i!["url"])!.Contains("/czj/"));

        using var bad = await client.GetAsync("/api/v1/public/content?since=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var sinceProblem = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
        Assert.Equal("since", (string?)sinceProblem["parameter"]);
        Assert.Equal("https://fh.gov.cn/problems/400", (string?)sinceProblem["type"]);
        Assert.Equal("since", (string?)Assert.Single(sinceProblem["errors"]!.AsArray())!["field"]);
        using var tooMany = await client.GetAsync("/api/v1/public/content?limit=1000");
        Assert.Equal("limit", (string?)JsonNode.Parse(await tooMany.Content.ReadAsStringAsync())!["parameter"]);
    }
}

public sealed class SqliteSharingTests(SqliteCmsFactory factory) : SharingTests(factory), IClassFixture<SqliteCmsFactory>;

public sealed class PostgresSharingTests(PostgresCmsFactory factory) : SharingTests(factory), IClassFixture<PostgresCmsFactory>;
