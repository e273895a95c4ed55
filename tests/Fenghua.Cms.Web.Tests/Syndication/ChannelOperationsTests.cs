using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Identity;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Syndication.Channels;
using Fenghua.Cms.Syndication.Pushes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Fenghua.Cms.Web.Tests.Syndication.ChannelManagementTests;

namespace Fenghua.Cms.Web.Tests.Syndication;

/// <summary>
/// Managing a registered channel through the API and the CLI (edit, enable/disable, rotate the secret), each site only
/// its own; the authors told by mail when disabling stops their pushes.
/// </summary>
public abstract class ChannelOperationsTests(ChannelCmsFactory factory) : ChannelTestBase(factory)
{
    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private static HttpRequestMessage Patch(string url, string token, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    [SkippableFact]
    public async Task The_api_edits_disables_enables_and_rotates_the_secret_of_a_channel_naming_bad_fields()
    {
        SkipWithoutStore();
        var admin = await ApiUsers.TokenAsync(Factory, SiteRoles.SiteAdministrator, "czj");
        var editor = await ApiUsers.TokenAsync(Factory, SiteRoles.Editor, "czj");
        using var client = Factory.CreateClient();
        var url = $"/api/v1/sites/czj/channels/{WeiboChannel}";

        // Only what is sent changes.
        using (var renamed = await client.SendAsync(Patch(url, admin, new { name = "奉化财政官方微博" })))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
            var json = await JsonAsync(renamed);
            Assert.Equal(("奉化财政官方微博", SafeDomain), ((string?)json["name"], (string?)json["safeDomain"]));
        }
        // A client may send the channel back as it read it: the read-only members and an unchanged kind are ignored.
        using (var echoed = await client.SendAsync(Patch(url, admin, new { id = WeiboChannel, site = "czj", kind = "Weibo", enabled = true, name = "奉化财政官方微博" })))
            Assert.Equal(HttpStatusCode.OK, echoed.StatusCode);
        var row = await ChannelRowAsync(WeiboChannel);
        Assert.Equal(("奉化财政官方微博", "wb" + AppId[2..], SafeDomain, Weibo.BaseUrl), (row.Name, row.AppId, row.SafeDomain, row.ApiBaseUrl));
        var update = (await AuditAsync($"channel:{WeiboChannel}")).Last();
        Assert.Equal("channel.update", update.Action);
        Assert.Contains("名称：奉化财政微博 → 奉化财政官方微博", update.Details);

        // Bad input: 400 problem+json naming the field; nothing stored.
        foreach (var (body, field) in new (object, string)[]
        {
            (new { apiBaseUrl = "ftp://wrong" }, "apiBaseUrl"), (new { safeDomain = "" }, "safeDomain"), (new { appId = "bad id!" }, "appId"),
            (new { name = 42 }, "name"), (new { kind = "WeChat" }, "kind"), (new { secret = "x" }, "secret"), (new { colour = "red" }, "colour"),
        })
        {
            using var bad = await client.SendAsync(Patch(url, admin, body));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
            Assert.Equal(field, (string?)(await JsonAsync(bad))["parameter"]);
        }
        var unchanged = await ChannelRowAsync(WeiboChannel);
        Assert.Equal((row.Name, row.AppId, row.SafeDomain, row.ApiBaseUrl), (unchanged.Name, unchanged.AppId, unchanged.SafeDomain, unchanged.ApiBaseUrl));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(Patch(url, editor, new { name = "编辑改名" }))).StatusCode);

        // A pending push is stopped by disabling; the answer says how many.
        var item = await PublishAsync("接口停用前待推送的稿件", "正文。", Syndication(1, WeiboChannel));
        using (var disabled = await Send(client, HttpMethod.Post, $"{url}/disable", admin))
        {
            Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
            var json = await JsonAsync(disabled);
            Assert.False((bool)json["enabled"]!);
            Assert.Equal(1, (int)json["stoppedPushes"]!);
        }
        Assert.Equal(PushState.Failed, Assert.Single(await PushesAsync(item.Id)).State);
        Assert.Equal("channel.disable", (await AuditAsync($"channel:{WeiboChannel}")).Last().Action);
        using (var enabled = await Send(client, HttpMethod.Post, $"{url}/enable", admin))
        {
            Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
            Assert.True((bool)(await JsonAsync(enabled))["enabled"]!);
        }
        Assert.True((await ChannelRowAsync(WeiboChannel)).Enabled);
        Assert.Equal("channel.enable", (await AuditAsync($"channel:{WeiboChannel}")).Last().Action);

        // The secret: stored encrypted, never in the answer or the audit; an empty one is refused naming "secret".
        const string rotated = "2.00api-rotated-token-2026";
        using (var secret = await Send(client, HttpMethod.Post, $"{url}/secret", admin, new { secret = rotated }))
        {
            Assert.Equal(HttpStatusCode.OK, secret.StatusCode);
            Assert.DoesNotContain(rotated, await secret.Content.ReadAsStringAsync());
        }
        Assert.Equal(rotated, SecretOf(await ChannelRowAsync(WeiboChannel)));
        var rotation = (await AuditAsync($"channel:{WeiboChannel}")).Last();
        Assert.Equal("channel.secret.rotate", rotation.Action);
        Assert.DoesNotContain(rotated, rotation.Details);
        using (var empty = await Send(client, HttpMethod.Post, $"{url}/secret", admin, new { secret = " " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Equal("secret", (string?)(await JsonAsync(empty))["parameter"]);
        }
        Assert.Equal(rotated, SecretOf(await ChannelRowAsync(WeiboChannel)));
    }

    [SkippableFact]
    public async Task Another_sites_channel_is_refused_by_the_api_whatever_the_url()
    {
        SkipWithoutStore();
        var fgj = await ApiUsers.TokenAsync(Factory, SiteRoles.SiteAdministrator, "fgj");
        using var client = Factory.CreateClient();
        foreach (var (site, expected) in new[] { ("czj", HttpStatusCode.Forbidden), ("fgj", HttpStatusCode.NotFound) })
        {
            var url = $"/api/v1/sites/{site}/channels/{WeChatChannel}";
            using var patch = await client.SendAsync(Patch(url, fgj, new { name = "被改名" }));
            Assert.Equal(expected, patch.StatusCode);
            Assert.Equal(expected, (await Send(client, HttpMethod.Post, $"{url}/disable", fgj)).StatusCode);
            Assert.Equal(expected, (await Send(client, HttpMethod.Post, $"{url}/enable", fgj)).StatusCode);
            using var secret = await Send(client, HttpMethod.Post, $"{url}/secret", fgj, new { secret = "hijacked-secret" });
            Assert.Equal(expected, secret.StatusCode);
            if (expected == HttpStatusCode.NotFound) Assert.Equal("channelId", (string?)(await JsonAsync(secret))["parameter"]);
        }
        var row = await ChannelRowAsync(WeChatChannel);
        Assert.Equal(("奉化财政微信", true), (row.Name, row.Enabled));
        Assert.Equal(AppSecret, SecretOf(row));
        Assert.Equal(["channel.add"], (await AuditAsync($"channel:{WeChatChannel}")).Select(a => a.Action));
    }

    [SkippableFact]
    public async Task The_cli_updates_disables_enables_and_takes_a_new_secret_from_standard_input()
    {
        SkipWithoutStore();
        _ = Factory.Server;
        async Task<(int Code, string Output, string Error)> Cli(string? stdin, params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var code = await Fenghua.Cms.Cli.CliApp.RunAsync(args, output, error, new StringReader(stdin ?? ""), Factory.StoreSettings);
            return (code, output.ToString(), error.ToString());
        }
        var id = WeChatChannel.ToString();

        var (code, output, error) = await Cli(null, "channels", "update", "--site", "czj", "--id", id, "--name", "奉化财政（命令行）");
        Assert.True(code == 0, output + error);
        var row = await ChannelRowAsync(WeChatChannel);
        Assert.Equal(("奉化财政（命令行）", AppId, WeChat.BaseUrl), (row.Name, row.AppId, row.ApiBaseUrl));
        Assert.StartsWith("cli:", (await AuditAsync($"channel:{WeChatChannel}")).Last().Actor);

        (code, _, error) = await Cli(null, "channels", "update", "--site", "czj", "--id", id, "--api", "ftp://wrong");
        Assert.Equal(2, code);
        Assert.Contains("--api：接口地址“ftp://wrong”", error);
        (code, _, error) = await Cli(null, "channels", "disable", "--site", "fgj", "--id", id);
        Assert.Equal(2, code);
        Assert.Contains("--id：", error);
        (code, _, error) = await Cli(null, "channels", "enable", "--site", "czj", "--id", "abc");
        Assert.Equal(2, code);
        Assert.Contains("--id：渠道编号“abc”无效", error);
        (code, _, error) = await Cli(null, "channels", "secret", "--site", "czj", "--id", id);
        Assert.Equal(2, code);
        Assert.Contains("--secret", error);
        Assert.True((await ChannelRowAsync(WeChatChannel)).Enabled);

        (code, output, _) = await Cli(null, "channels", "disable", "--site", "czj", "--id", id);
        Assert.Equal(0, code);
        Assert.Contains("已停用渠道", output);
        Assert.False((await ChannelRowAsync(WeChatChannel)).Enabled);
        (code, output, _) = await Cli(null, "channels", "enable", "--site", "czj", "--id", id);
        Assert.Equal(0, code);
        Assert.True((await ChannelRowAsync(WeChatChannel)).Enabled);
        Assert.Equal(["channel.add", "channel.update", "channel.disable", "channel.enable"], (await AuditAsync($"channel:{WeChatChannel}")).Select(a => a.Action));

        const string fromStdin = "stdin-app-secret-never-in-history";
        (code, output, error) = await Cli(fromStdin + "\n", "channels", "secret", "--site", "czj", "--id", id, "--secret", "-");
        Assert.True(code == 0, output + error);
        Assert.DoesNotContain(fromStdin, output + error);
        Assert.Equal(fromStdin, SecretOf(await ChannelRowAsync(WeChatChannel)));
        (code, _, error) = await Cli("", "channels", "secret", "--site", "czj", "--id", id, "--secret", "-");
        Assert.Equal(2, code);
        Assert.Contains("--secret：密钥", error);
        Assert.Equal(fromStdin, SecretOf(await ChannelRowAsync(WeChatChannel)));
        Assert.Contains("channels secret --site", Fenghua.Cms.Cli.CliApp.Usage);
    }

    [SkippableFact]
    public async Task Disabling_a_channel_mails_each_stopped_items_author_once_with_a_link_to_the_item()
    {
        SkipWithoutStore();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        string author1 = "stop-a-" + suffix, author2 = "stop-b-" + suffix;
        await using (var scope = Factory.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
            foreach (var name in new[] { author1, author2 })
                Assert.True((await users.CreateAsync(new CmsUser { UserName = name, Email = $"{name}@czj.fh.gov.cn", DisplayName = "财政局编辑" }, "Editor-Pass-2026!")).Succeeded);
        }
        // The first item has two pending pushes on the channel (round 1, then pushed again as round 2): still one mail.
        var first = await PublishAsync("停用通知测试稿甲", "正文。", Syndication(1, WeChatChannel), new Actor(author1));
        await RepublishAsync(first.Id, "停用通知测试稿甲", "正文。", Syndication(2, WeChatChannel));
        var second = await PublishAsync("停用通知测试稿乙", "正文。", Syndication(1, WeChatChannel), new Actor(author1));
        var third = await PublishAsync("停用通知测试稿丙", "正文。", Syndication(1, WeChatChannel, WeiboChannel), new Actor(author2));
        Assert.Equal(2, (await PushesAsync(first.Id)).Count(p => p.State == PushState.Pending));

        var admin = await ApiUsers.TokenAsync(Factory, SiteRoles.SiteAdministrator, "czj");
        using var client = Factory.CreateClient();
        using var disabled = await Send(client, HttpMethod.Post, $"/api/v1/sites/czj/channels/{WeChatChannel}/disable", admin);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(4, (int)(await JsonAsync(disabled))["stoppedPushes"]!);
        // Disabling again stops nothing and mails nobody.
        Assert.Equal(0, (int)(await JsonAsync(await Send(client, HttpMethod.Post, $"/api/v1/sites/czj/channels/{WeChatChannel}/disable", admin)))["stoppedPushes"]!);

        await using var check = Factory.Scope();
        var mail = await check.ServiceProvider.GetRequiredService<CmsDbContext>().OutgoingMail.AsNoTracking()
            .Where(m => m.Kind == ChannelStoppedMail.Kind && (m.ToAddress == $"{author1}@czj.fh.gov.cn" || m.ToAddress == $"{author2}@czj.fh.gov.cn")).ToListAsync();
        Assert.Equal(3, mail.Count);
        foreach (var (item, title, author) in new[] { (first, "停用通知测试稿甲", author1), (second, "停用通知测试稿乙", author1), (third, "停用通知测试稿丙", author2) })
        {
            var one = Assert.Single(mail, m => m.Subject.Contains(title));
            Assert.Equal($"{author}@czj.fh.gov.cn", one.ToAddress);
            Assert.Contains("奉化财政微信", one.Subject);
            Assert.Contains("推送已停止", one.TextBody);
            Assert.Contains(title, one.TextBody);
            Assert.Matches(new Regex($@"https?://[^\s/]+/czj/admin/content/{item.Id}\b"), one.TextBody);
            Assert.Contains($"/czj/admin/content/{item.Id}\">打开稿件</a>", one.HtmlBody);
        }
        // The Weibo push of the third item goes on.
        Assert.Equal(PushState.Pending, (await PushesAsync(third.Id)).Single(p => p.ChannelId == WeiboChannel).State);
    }
}

public sealed class SqliteChannelOperationsTests(SqliteChannelCmsFactory factory) : ChannelOperationsTests(factory), IClassFixture<SqliteChannelCmsFactory>;

public sealed class PostgresChannelOperationsTests(PostgresChannelCmsFactory factory) : ChannelOperationsTests(factory), IClassFixture<PostgresChannelCmsFactory>;
