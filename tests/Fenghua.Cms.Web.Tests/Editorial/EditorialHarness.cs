using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Fenghua.Cms.Cli;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Fenghua.Cms.Web.Tests.Editorial;

/// <summary>What the editorial tests share: users made with the real CLI, API calls with their tokens.</summary>
public sealed class EditorialHarness(CmsFactory factory)
{
    public const string Password = "Fh-Strong-Pass-2026";
    private static int _counter;

    public sealed record User(string Name, string Token);

    public sealed record Response(HttpStatusCode Status, string? ContentType, JsonNode? Json, string Text);

    public async Task<(int Code, string Output, string Error)> CliAsync(params string[] args)
    {
        _ = factory.Server;
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, factory.StoreSettings);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A new user with one role (on <paramref name="site"/>, or all sites for DistrictAdministrator) and an API token.</summary>
    public async Task<User> UserAsync(string role, string? site)
    {
        var name = $"{role[..3].ToLowerInvariant()}{Interlocked.Increment(ref _counter)}{Guid.NewGuid().ToString("N")[..6]}";
        var args = new List<string> { "users", "create", "--name", name, "--email", $"{name}@fh.gov.cn", "--role", role, "--password", Password };
        if (site is not null) args.AddRange(["--site", site]);
        var (code, output, error) = await CliAsync([.. args]);
        Assert.True(code == 0, output + error);
        var (code2, tokenOutput, error2) = await CliAsync("tokens", "create", "--user", name, "--name", "测试令牌");
        Assert.True(code2 == 0, tokenOutput + error2);
        var token = tokenOutput.Trim().Split('\n')[^1].Trim();
        Assert.StartsWith("fht_", token);
        return new User(name, token);
    }

    public HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<Response> ApiAsync(HttpMethod method, string url, string? token, object? body = null, string? rawBody = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (rawBody is not null) request.Content = new StringContent(rawBody, Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = new StringContent(body is JsonNode n ? n.ToJsonString() : System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await Client().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try { json = text.Length > 0 ? JsonNode.Parse(text) : null; } catch (System.Text.Json.JsonException) { }
        return new Response(response.StatusCode, response.Content.Headers.ContentType?.MediaType, json, text);
    }

    /// <summary>Creates an item through the API as <paramref name="author"/> and returns its id.</summary>
    public async Task<int> CreateAsync(User author, string site, string type, string column, string title, string markdown, JsonObject? extraParts = null, string prefix = "")
    {
        var parts = new JsonObject { ["Title"] = new JsonObject { ["title"] = title }, ["MarkdownBody"] = new JsonObject { ["markdown"] = markdown } };
        if (extraParts is not null) foreach (var (k, v) in extraParts) parts[k] = v?.DeepClone();
        var r = await ApiAsync(HttpMethod.Post, $"{prefix}/api/v1/content", author.Token, new JsonObject { ["site"] = site, ["contentType"] = type, ["column"] = column, ["parts"] = parts });
        Assert.True(r.Status == HttpStatusCode.Created, r.Text);
        return r.Json!["id"]!.GetValue<int>();
    }

    public Task<Response> MoveAsync(User user, int id, string action, object? body = null, string prefix = "") =>
        ApiAsync(HttpMethod.Post, $"{prefix}/api/v1/content/{id}/{action}", user.Token, body ?? new { });

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url, HttpClient? client = null)
    {
        using var response = await (client ?? Client()).GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
