using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Identity;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Web.Tests.Editorial;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fenghua.Cms.Web.Tests.Syndication.ChannelManagementTests;

namespace Fenghua.Cms.Web.Tests.Syndication;

/// <summary>推送记录 and 信息报送 beyond one page: 50 a page in the admin with the total and links that keep the filter; page/pageSize in the API.</summary>
public abstract partial class ListPagingTests(ChannelCmsFactory factory) : ChannelTestBase(factory)
{
    private readonly EditorialHarness h = new(factory);

    /// <summary>Adds stopped pushes of one published item (a round each), as many stopped pushes pile up over months.</summary>
    private async Task AddFailedPushesAsync(int count)
    {
        var item = await PublishAsync("分页测试稿", "正文。", null);
        await using var scope = Factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var now = DateTimeOffset.UtcNow;
        for (var round = 1; round <= count; round++)
            db.ChannelPushes.Add(new ChannelPush
            {
                SiteId = item.SiteId, ChannelId = WeiboChannel, ContentItemId = item.Id, ContentVersionId = item.PublishedVersionId!.Value, Round = round,
                State = PushState.Failed, Step = "check", LastError = $"分页测试第 {round} 条", NextAttemptUtc = now, CreatedUtc = now, UpdatedUtc = now, CompletedUtc = now,
            });
        await db.SaveChangesAsync();
    }

    private async Task<int> CountAsync(Func<CmsDbContext, Task<int>> count)
    {
        await using var scope = Factory.Scope();
        return await count(scope.ServiceProvider.GetRequiredService<CmsDbContext>());
    }

    private static int Rows(string html, string marker) => Regex.Matches(html, marker).Count;

    [SkippableFact]
    public async Task The_pushes_page_shows_50_a_page_with_the_total_and_links_that_keep_the_filter()
    {
        SkipWithoutStore();
        await AddFailedPushesAsync(60);
        var czj = await CountAsync(db => db.Sites.Where(s => s.Key == "czj").Select(s => s.Id).FirstAsync());
        var total = await CountAsync(db => db.ChannelPushes.CountAsync(p => p.SiteId == czj && p.State == PushState.Failed));
        var pages = (total + 49) / 50;
        var admin = await AdminSession.SignInAsync(Factory, await h.UserAsync("SiteAdministrator", "czj"));

        var (status, first) = await admin.GetAsync("/czj/admin/pushes?state=Failed");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(50, Rows(first, "<tr data-push="));
        Assert.Contains($"共 {total} 条，第 1/{pages} 页", first);
        Assert.Contains("<a href=\"/czj/admin/pushes?state=Failed&amp;page=2\" rel=\"next\">下一页</a>", first);
        Assert.DoesNotContain("只显示最近 200 条", first);

        var (_, last) = await admin.GetAsync($"/czj/admin/pushes?state=Failed&page={pages}");
        Assert.Equal(total - 50 * (pages - 1), Rows(last, "<tr data-push="));
        Assert.Contains($"<a href=\"/czj/admin/pushes?state=Failed&amp;page={pages - 1}\" rel=\"prev\">上一页</a>", last);
        Assert.DoesNotContain("rel=\"next\"", last);
        // Rows are not repeated across pages: the newest 50, then the older ones.
        var ids = Regex.Matches(first + last, "<tr data-push=\"(\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        var (bad, badHtml) = await admin.GetAsync("/czj/admin/pushes?state=Failed&page=zwei");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("<li data-field=\"page\">页码“zwei”无效", badHtml);
    }

    [SkippableFact]
    public async Task The_api_pages_pushes_with_a_total_and_keeps_the_plain_list_for_old_clients()
    {
        SkipWithoutStore();
        await AddFailedPushesAsync(30);
        var czj = await CountAsync(db => db.Sites.Where(s => s.Key == "czj").Select(s => s.Id).FirstAsync());
        var total = await CountAsync(db => db.ChannelPushes.CountAsync(p => p.SiteId == czj && p.State == PushState.Failed));
        var token = await ApiUsers.TokenAsync(Factory, SiteRoles.Reviewer, "czj");
        using var client = Factory.CreateClient();

        using var paged = await Send(client, HttpMethod.Get, "/api/v1/sites/czj/pushes?state=Failed&page=2&pageSize=20", token);
        Assert.Equal(HttpStatusCode.OK, paged.StatusCode);
        var json = JsonNode.Parse(await paged.Content.ReadAsStringAsync())!;
        Assert.Equal((total, 2, 20, (total + 19) / 20), ((int)json["total"]!, (int)json["page"]!, (int)json["pageSize"]!, (int)json["pages"]!));
        var items = json["items"]!.AsArray();
        Assert.Equal(Math.Min(20, total - 20), items.Count);
        Assert.All(items, i => Assert.Equal("Failed", (string?)i!["state"]));
        Assert.Equal(total.ToString(), paged.Headers.GetValues("X-Total-Count").Single());

        // Without page/pageSize: the array as before (newest first, at most 200), the total in a header.
        using var plain = await Send(client, HttpMethod.Get, "/api/v1/sites/czj/pushes?state=Failed", token);
        var array = JsonNode.Parse(await plain.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(Math.Min(200, total), array.Count);
        Assert.True((long)array[0]!["id"]! > (long)array[1]!["id"]!);
        Assert.Equal(total.ToString(), plain.Headers.GetValues("X-Total-Count").Single());

        foreach (var (query, field) in new[] { ("pageSize=500", "pageSize"), ("pageSize=0", "pageSize"), ("page=0", "page"), ("page=x", "page") })
        {
            using var bad = await Send(client, HttpMethod.Get, $"/api/v1/sites/czj/pushes?{query}", token);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(field, (string?)JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["parameter"]);
        }
    }

    [SkippableFact]
    public async Task The_shares_page_pages_both_lists_and_each_link_keeps_the_other_lists_page()
    {
        SkipWithoutStore();
        int portal, czj, column;
        await using (var scope = Factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            portal = await db.Sites.Where(s => s.Key == "portal").Select(s => s.Id).FirstAsync();
            czj = await db.Sites.Where(s => s.Key == "czj").Select(s => s.Id).FirstAsync();
            column = await SyndicationTestData.ColumnIdAsync(scope.ServiceProvider, "portal", "tzgg");
            // Submissions of items the department later deleted: the list must still page through them.
            var first = Random.Shared.Next(10_000_000, 20_000_000);
            for (var i = 0; i < 55; i++)
                db.ContentShares.Add(new ContentShare
                {
                    SiteId = portal, ColumnId = column, SourceSiteId = czj, SourceItemId = first + i, State = i % 2 == 0 ? ShareState.Submitted : ShareState.Declined,
                    SubmittedBy = "paging-test", SubmittedUtc = DateTimeOffset.UtcNow, DecidedBy = i % 2 == 0 ? null : "reviewer", Comment = "",
                });
            await db.SaveChangesAsync();
        }
        var incoming = await CountAsync(db => db.ContentShares.IgnoreQueryFilters().CountAsync(s => s.SiteId == portal));
        var outgoing = await CountAsync(db => db.ContentShares.IgnoreQueryFilters().CountAsync(s => s.SourceSiteId == czj));

        var reviewer = await AdminSession.SignInAsync(Factory, await h.UserAsync("Reviewer", "portal"));
        var (status, page) = await reviewer.GetAsync("/admin/shares?outPage=3");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(50, Rows(page, "<tr data-share="));
        Assert.Contains($"共 {incoming} 条，第 1/{(incoming + 49) / 50} 页", page);
        // The undecided ones come first so none hides on a later page.
        var states = Regex.Matches(page, "<tr data-share=\"\\d+\" data-state=\"(\\w+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(states.OrderBy(s => s == "Submitted" ? 0 : 1), states);
        Assert.Contains("<a href=\"/admin/shares?outPage=3&amp;page=2\" rel=\"next\">下一页</a>", page);
        var (_, second) = await reviewer.GetAsync("/admin/shares?page=2");
        Assert.Equal(Math.Min(50, incoming - 50), Rows(second, "<tr data-share="));
        Assert.Contains("<a href=\"/admin/shares?page=1\" rel=\"prev\">上一页</a>", second);

        var czjAdmin = await AdminSession.SignInAsync(Factory, await h.UserAsync("SiteAdministrator", "czj"));
        var (_, own) = await czjAdmin.GetAsync("/czj/admin/shares");
        Assert.Contains($"共 {outgoing} 条，第 1/{(outgoing + 49) / 50} 页", own);
        Assert.Contains("<a href=\"/czj/admin/shares?outPage=2\" rel=\"next\">下一页</a>", own);
        var (bad, badHtml) = await czjAdmin.GetAsync("/czj/admin/shares?outPage=-1");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("<li data-field=\"outPage\">页码“-1”无效", badHtml);

        var token = await ApiUsers.TokenAsync(Factory, SiteRoles.Reviewer, "portal");
        using var client = Factory.CreateClient();
        using var api = await Send(client, HttpMethod.Get, "/api/v1/sites/portal/shares/incoming?state=Submitted&page=1&pageSize=10", token);
        var json = JsonNode.Parse(await api.Content.ReadAsStringAsync())!;
        Assert.Equal(await CountAsync(db => db.ContentShares.IgnoreQueryFilters().CountAsync(s => s.SiteId == portal && s.State == ShareState.Submitted)), (int)json["total"]!);
        Assert.Equal(10, json["items"]!.AsArray().Count);
        var czjToken = await ApiUsers.TokenAsync(Factory, SiteRoles.Author, "czj");
        using var sent = await Send(client, HttpMethod.Get, "/api/v1/sites/czj/shares/outgoing?pageSize=5", czjToken);
        var sentJson = JsonNode.Parse(await sent.Content.ReadAsStringAsync())!;
        Assert.Equal((outgoing, 1, 5), ((int)sentJson["total"]!, (int)sentJson["page"]!, sentJson["items"]!.AsArray().Count));
    }
}

public sealed class SqliteListPagingTests(SqliteChannelCmsFactory factory) : ListPagingTests(factory), IClassFixture<SqliteChannelCmsFactory>;

public sealed class PostgresListPagingTests(PostgresChannelCmsFactory factory) : ListPagingTests(factory), IClassFixture<PostgresChannelCmsFactory>;
