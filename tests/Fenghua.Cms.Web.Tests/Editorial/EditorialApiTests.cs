using System.Net;
using System.Text.Json.Nodes;

namespace Fenghua.Cms.Web.Tests.Editorial;

public abstract partial class EditorialTests
{
    public static TheoryData<string, string, bool, bool> Matrix() => new()
    {
        // role, action, allowed on an item of the role's own site (czj), allowed on an item of another site (portal)
        { "Author", "read", true, false }, { "Author", "update", true, false }, { "Author", "approve", false, false }, { "Author", "unpublish", false, false },
        { "Editor", "read", true, false }, { "Editor", "update", true, false }, { "Editor", "approve", false, false }, { "Editor", "unpublish", false, false },
        { "Reviewer", "read", true, false }, { "Reviewer", "update", true, false }, { "Reviewer", "approve", true, false }, { "Reviewer", "unpublish", true, false },
        { "SiteAdministrator", "read", true, false }, { "SiteAdministrator", "update", true, false }, { "SiteAdministrator", "approve", true, false }, { "SiteAdministrator", "unpublish", true, false },
        { "DistrictAdministrator", "read", true, true }, { "DistrictAdministrator", "update", true, true }, { "DistrictAdministrator", "approve", true, true }, { "DistrictAdministrator", "unpublish", true, true },
    };

    /// <summary>
    /// Each role × action × own/other site, always through a URL of the role's own site (/czj/api/...): the
    /// permission follows the item's site, not the URL's.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Matrix))]
    public async Task Permissions_follow_the_site_of_the_item(string role, string action, bool ownAllowed, bool otherAllowed)
    {
        SkipWithoutStore();
        var user = await h.UserAsync(role, role == "DistrictAdministrator" ? null : "czj");
        foreach (var (site, column, allowed) in new[] { ("czj", "tzgg", ownAllowed), ("portal", "tzgg", otherAllowed) })
        {
            var writer = await h.UserAsync("Author", site);
            var reviewer = await h.UserAsync("Reviewer", site);
            var id = await h.CreateAsync(writer, site, "Notice", column, $"{role} {action} 测试稿件", "正文");
            if (action is "approve" or "unpublish") Assert.Equal(HttpStatusCode.OK, (await h.MoveAsync(writer, id, "submit")).Status);
            if (action == "unpublish") Assert.Equal(HttpStatusCode.OK, (await h.MoveAsync(reviewer, id, "approve")).Status);
            var response = action switch
            {
                "read" => await h.ApiAsync(HttpMethod.Get, $"/czj/api/v1/content/{id}", user.Token),
                "update" => await h.ApiAsync(HttpMethod.Put, $"/czj/api/v1/content/{id}", user.Token,
                    new JsonObject { ["parts"] = new JsonObject { ["Title"] = new JsonObject { ["title"] = "改过的标题" }, ["MarkdownBody"] = new JsonObject { ["markdown"] = "改过的正文" } } }),
                _ => await h.MoveAsync(user, id, action, prefix: "/czj"),
            };
            if (allowed) Assert.True(response.Status == HttpStatusCode.OK, $"{role} {action} @{site}: {response.Status} {response.Text}");
            else
            {
                Assert.Equal(HttpStatusCode.Forbidden, response.Status);
                Assert.Equal("application/problem+json", response.ContentType);
            }
        }
        // Creating: on one's own site only.
        var create = await h.ApiAsync(HttpMethod.Post, "/czj/api/v1/content", user.Token, new JsonObject
        {
            ["site"] = "portal", ["contentType"] = "Notice", ["column"] = "tzgg",
            ["parts"] = new JsonObject { ["Title"] = new JsonObject { ["title"] = "跨站新建" } },
        });
        Assert.Equal(role == "DistrictAdministrator" ? HttpStatusCode.Created : HttpStatusCode.Forbidden, create.Status);
    }

    [SkippableFact]
    public async Task The_api_answers_401_without_a_valid_token_and_problem_json_naming_the_field()
    {
        SkipWithoutStore();
        var author = await h.UserAsync("Author", "portal");
        var none = await h.ApiAsync(HttpMethod.Get, "/api/v1/content", null);
        Assert.Equal(HttpStatusCode.Unauthorized, none.Status);
        Assert.Equal("application/problem+json", none.ContentType);
        Assert.Equal("Authorization", none.Json!["parameter"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await h.ApiAsync(HttpMethod.Get, "/api/v1/content", "fht_" + new string('0', 48))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await h.ApiAsync(HttpMethod.Get, "/api/v1/content", "not-a-token")).Status);

        var badJson = await h.ApiAsync(HttpMethod.Post, "/api/v1/content", author.Token, rawBody: "{\"contentType\": ");
        Assert.Equal(HttpStatusCode.BadRequest, badJson.Status);
        Assert.Equal("body", badJson.Json!["parameter"]!.GetValue<string>());
        var noType = await h.ApiAsync(HttpMethod.Post, "/api/v1/content", author.Token, new JsonObject { ["parts"] = new JsonObject() });
        Assert.Equal("contentType", noType.Json!["parameter"]!.GetValue<string>());
        var noTitle = await h.ApiAsync(HttpMethod.Post, "/api/v1/content", author.Token, new JsonObject
        {
            ["contentType"] = "PolicyDocument", ["column"] = "zwgk/zcwj",
            ["parts"] = new JsonObject { ["Title"] = new JsonObject { ["title"] = "" }, ["GovDocument"] = new JsonObject { ["writtenDate"] = "2026-13-40" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, noTitle.Status);
        var fields = noTitle.Json!["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList();
        Assert.Contains("parts.Title.title", fields);
        Assert.Contains("parts.GovDocument.writtenDate", fields);
        Assert.Contains("parts.GovDocument.issuer", fields);
        var wrongColumn = await h.ApiAsync(HttpMethod.Post, "/api/v1/content", author.Token, new JsonObject
        {
            ["contentType"] = "Notice", ["column"] = "no/such", ["parts"] = new JsonObject { ["Title"] = new JsonObject { ["title"] = "x" } },
        });
        Assert.Equal("column", wrongColumn.Json!["parameter"]!.GetValue<string>());
        var badState = await h.ApiAsync(HttpMethod.Get, "/api/v1/content?state=Lost", author.Token);
        Assert.Equal("state", badState.Json!["parameter"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await h.ApiAsync(HttpMethod.Get, "/api/v1/content/999999", author.Token)).Status);

        var id = await h.CreateAsync(author, "portal", "Notice", "tzgg", "关于开展文号检索的通知", "正文");
        var list = await h.ApiAsync(HttpMethod.Get, "/api/v1/content?q=" + Uri.EscapeDataString("文号检索") + "&state=Draft", author.Token);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(id, Assert.Single(list.Json!["items"]!.AsArray())!["id"]!.GetValue<int>());
        var byNumber = await h.ApiAsync(HttpMethod.Get, "/api/v1/content?q=" + Uri.EscapeDataString("奉政办发(2018)42号"), author.Token);
        Assert.Contains(byNumber.Json!["items"]!.AsArray(), i => i!["title"]!.GetValue<string>().Contains("政务公开", StringComparison.Ordinal));

        var openApi = await h.ApiAsync(HttpMethod.Get, "/api/v1/openapi.json", null);
        Assert.Equal(HttpStatusCode.OK, openApi.Status);
        Assert.Equal("3.0.3", openApi.Json!["openapi"]!.GetValue<string>());
        Assert.NotNull(openApi.Json["paths"]!["/api/v1/content/{id}/approve"]);
        Assert.Equal(["field", "message"], openApi.Json["components"]!["schemas"]!["Problem"]!["properties"]!["errors"]!["items"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()));
    }
}
