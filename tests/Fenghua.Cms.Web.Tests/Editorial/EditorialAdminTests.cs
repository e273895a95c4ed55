using System.Net;
using System.Text.RegularExpressions;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Editorial;

/// <summary>
/// The admin's column tree, user management and bulk actions, driven like a browser: cookie sign-in, the form's
/// antiforgery token, posted fields; outcomes read from the store, the audit trail and the public pages.
/// </summary>
public abstract partial class EditorialAdminTests(CmsFactory factory)
{
    private readonly EditorialHarness h = new(factory);

    private void SkipWithoutStore() => Skip.If(factory.Unavailable is not null, factory.Unavailable);

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")] private static partial Regex AntiforgeryPattern();

    private async Task<HttpClient> SignInAsync(string user, string password = EditorialHarness.Password)
    {
        var client = h.Client();
        var (_, page) = await h.GetAsync("/admin/login", client);
        var response = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user, ["password"] = password, ["returnUrl"] = "/admin", ["__af"] = AntiforgeryPattern().Match(page).Groups[1].Value,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>Posts a form as the signed-in user, with the token from that site's admin (any admin page carries one).</summary>
    private async Task<(HttpStatusCode Status, string Html, string? Location)> PostAsync(HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var (_, page) = await h.GetAsync(url[..(url.IndexOf("/admin", StringComparison.Ordinal) + "/admin".Length)], client);
        var token = AntiforgeryPattern().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token));
        var body = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__af", token));
        using var response = await client.PostAsync(url, new FormUrlEncodedContent(body));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    private async Task<T> DbAsync<T>(Func<CmsDbContext, Task<T>> read)
    {
        await using var scope = factory.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<CmsDbContext>());
    }

    private Task<int> SiteIdAsync(string key) => DbAsync(db => db.Sites.Where(s => s.Key == key).Select(s => s.Id).FirstAsync());

    private Task<List<AuditEntry>> AuditAsync(string target) =>
        DbAsync(db => db.AuditTrail.AsNoTracking().Where(a => a.Target == target).OrderBy(a => a.Id).ToListAsync());
}

public sealed class SqliteEditorialAdminTests(SqliteCmsFactory factory) : EditorialAdminTests(factory), IClassFixture<SqliteCmsFactory>;

public sealed class PostgresEditorialAdminTests(PostgresCmsFactory factory) : EditorialAdminTests(factory), IClassFixture<PostgresCmsFactory>;
