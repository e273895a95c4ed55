using System.Net;
using System.Text.RegularExpressions;
using Fenghua.Cms.Web.Tests.Editorial;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Fenghua.Cms.Web.Tests.Syndication;

/// <summary>A browser-like admin session: the sign-in cookie, and each form posted with the antiforgery token of a page it read.</summary>
internal sealed partial class AdminSession(HttpClient client, string userName)
{
    public string UserName { get; } = userName;

    /// <summary>Signs in through /admin/login as a user made with the real CLI.</summary>
    public static async Task<AdminSession> SignInAsync(CmsFactory factory, EditorialHarness.User user)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/admin/login");
        using var response = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user.Name, ["password"] = EditorialHarness.Password, ["returnUrl"] = "/admin", ["__af"] = Token(page),
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return new AdminSession(client, user.Name);
    }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Reads <paramref name="page"/> for its antiforgery token (as the browser has it from the form), then posts the fields.</summary>
    public async Task<(HttpStatusCode Status, string Html, string? Location)> PostAsync(string page, string url, params (string Name, string Value)[] fields)
    {
        var (status, html) = await GetAsync(page);
        Assert.True(status == HttpStatusCode.OK, $"{page}: {status}");
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__af", Token(html)));
        using var response = await client.PostAsync(url, new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    private static string Token(string html)
    {
        var token = TokenPattern().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "页面没有 __af 令牌");
        return WebUtility.HtmlDecode(token);
    }

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
