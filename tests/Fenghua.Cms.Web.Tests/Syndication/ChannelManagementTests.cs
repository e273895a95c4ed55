using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Identity;
using Fenghua.Cms.Data.Syndication;
using Fenghua.Cms.Syndication.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Syndication;

/// <summary>Registering channels: secrets encrypted and never shown, validation naming the field, each site its own, CLI and API.</summary>
public abstract class ChannelManagementTests(CmsFactory factory)
{
    private void SkipWithoutStore() => Skip.If(factory.Unavailable is not null, factory.Unavailable);

    [SkippableFact]
    public async Task A_secret_is_stored_encrypted_and_never_shown_or_audited()
    {
        SkipWithoutStore();
        const string secret = "super-secret-app-secret-2026";
        var appId = "wx" + Guid.NewGuid().ToString("N")[..16];
        await using var scope = await factory.SiteScopeAsync("czj");
        var service = scope.ServiceProvider.GetRequiredService<ChannelService>();
        var siteId = (await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Sites.FirstAsync(s => s.Key == "czj")).Id;
        var view = await service.AddAsync(siteId, new ChannelInput("wechat", "奉化财政", appId, secret, null, null), SyndicationTestData.Editor);
        Assert.Equal(ChannelKind.WeChat, view.Kind);
        Assert.Equal("https://api.weixin.qq.com/", view.ApiBaseUrl);

        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var row = await db.Channels.AsNoTracking().FirstAsync(c => c.Id == view.Id);
        Assert.DoesNotContain(secret, row.ProtectedSecret);
        Assert.Equal(secret, scope.ServiceProvider.GetRequiredService<ChannelSecretProtector>().Unprotect(row.ProtectedSecret));
        var audit = await db.AuditTrail.AsNoTracking().Where(a => a.Target == $"channel:{view.Id}").ToListAsync();
        Assert.Equal("channel.add", Assert.Single(audit).Action);
        Assert.DoesNotContain(secret, audit[0].Details);
        Assert.DoesNotContain(secret, System.Text.Json.JsonSerializer.Serialize(await service.ListAsync(siteId)));

        var e = await Assert.ThrowsAsync<ValidationException>(() => service.AddAsync(siteId, new ChannelInput("wechat", "重复", appId, "x", null, null), SyndicationTestData.Editor));
        Assert.Equal("appId", Assert.Single(e.Errors).Field);
    }

    [SkippableFact]
    public async Task Bad_input_names_every_field()
    {
        SkipWithoutStore();
        await using var scope = await factory.SiteScopeAsync("czj");
        var service = scope.ServiceProvider.GetRequiredService<ChannelService>();
        var siteId = (await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Sites.FirstAsync(s => s.Key == "czj")).Id;
        var e = await Assert.ThrowsAsync<ValidationException>(() => service.AddAsync(siteId, new ChannelInput("qq", "", "bad id!", "", null, "ftp://x"), SyndicationTestData.Editor));
        Assert.Equal(["kind", "name", "appId", "secret", "apiBaseUrl"], e.Errors.Select(x => x.Field));
        var weibo = await Assert.ThrowsAsync<ValidationException>(() => service.AddAsync(siteId, new ChannelInput("Weibo", "微博", "123456", "token", "not a domain", null), SyndicationTestData.Editor));
        Assert.Equal("safeDomain", Assert.Single(weibo.Errors).Field);
        Assert.Contains("not a domain", weibo.Errors[0].Message);
    }

    [SkippableFact]
    public async Task The_cli_adds_and_lists_a_sites_channels_without_printing_the_secret()
    {
        SkipWithoutStore();
        var appKey = Guid.NewGuid().ToString("N")[..10];
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(0, await Cli.CliApp.RunAsync(["channels", "add", "--site", "fgj", "--kind", "Weibo", "--name", "奉化发改微博", "--app-id", appKey,
            "--secret", "2.00cli-token-secret", "--safe-domain", "www.fh.gov.cn"], output, error, factory.StoreSettings));
        Assert.Contains("已登记渠道", output.ToString());
        Assert.Equal(0, await Cli.CliApp.RunAsync(["channels", "list", "--site", "fgj"], output, error, factory.StoreSettings));
        Assert.Contains($"AppID={appKey}", output.ToString());
        Assert.Contains("安全域名=www.fh.gov.cn", output.ToString());
        Assert.DoesNotContain("cli-token-secret", output.ToString());
        // The web host can read what the CLI encrypted: one key ring in the data folder.
        await using var scope = factory.Scope();
        var row = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Channels.AsNoTracking().FirstAsync(c => c.AppId == appKey);
        Assert.Equal("2.00cli-token-secret", scope.ServiceProvider.GetRequiredService<ChannelSecretProtector>().Unprotect(row.ProtectedSecret));

        var bad = new StringWriter();
        Assert.Equal(2, await Cli.CliApp.RunAsync(["channels", "add", "--site", "fgj", "--kind", "Weibo", "--name", "x", "--app-id", "y", "--secret", "z"], new StringWriter(), bad, factory.StoreSettings));
        Assert.Contains("--safe-domain", bad.ToString());
    }

    [SkippableFact]
    public async Task The_api_lets_a_site_administrator_manage_only_their_own_sites_channels()
    {
        SkipWithoutStore();
        var admin = await ApiUsers.TokenAsync(factory, SiteRoles.SiteAdministrator, "czj");
        var editor = await ApiUsers.TokenAsync(factory, SiteRoles.Editor, "czj");
        using var client = factory.CreateClient();
        var body = new { kind = "WeChat", name = "API 登记", appId = "wx" + Guid.NewGuid().ToString("N")[..16], secret = "api-secret-value", apiBaseUrl = "http://127.0.0.1:9/" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/sites/czj/channels", body)).StatusCode);

        using var created = await Send(client, HttpMethod.Post, "/api/v1/sites/czj/channels", admin, body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.Content.ReadAsStringAsync();
        Assert.DoesNotContain("api-secret-value", json);
        Assert.Contains("\"appId\":\"" + body.appId + "\"", json);

        using var list = await Send(client, HttpMethod.Get, "/api/v1/sites/czj/channels", admin);
        Assert.Contains(body.appId, await list.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await Send(client, HttpMethod.Get, "/api/v1/sites/fgj/channels", admin)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(client, HttpMethod.Post, "/api/v1/sites/czj/channels", editor, body)).StatusCode);

        using var bad = await Send(client, HttpMethod.Post, "/api/v1/sites/czj/channels", admin, new { kind = "Weibo", name = "微博", appId = "123", secret = "t", safeDomain = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
        Assert.Equal("safeDomain", (string?)problem["parameter"]);

        using var notJson = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sites/czj/channels") { Content = new StringContent("{oops", System.Text.Encoding.UTF8, "application/json") };
        notJson.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var notJsonResponse = await client.SendAsync(notJson);
        Assert.Equal(HttpStatusCode.BadRequest, notJsonResponse.StatusCode);
        Assert.Equal("body", (string?)JsonNode.Parse(await notJsonResponse.Content.ReadAsStringAsync())!["parameter"]);
    }

    internal static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return client.SendAsync(request);
    }
}

public sealed class SqliteChannelManagementTests(SqliteCmsFactory factory) : ChannelManagementTests(factory), IClassFixture<SqliteCmsFactory>;

public sealed class PostgresChannelManagementTests(PostgresCmsFactory factory) : ChannelManagementTests(factory), IClassFixture<PostgresCmsFactory>;
