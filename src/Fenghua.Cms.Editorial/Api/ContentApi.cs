using System.Security.Claims;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Content;
using Fenghua.Cms.Data.Editorial;
using Fenghua.Cms.Editorial.Review;
using Fenghua.Cms.Editorial.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Editorial.Api;

/// <summary>
/// /api/v1: content list, read, create, update and the workflow moves, for bearer tokens only. Permissions are
/// checked against the site of the item, whatever site the URL is under.
/// </summary>
public static class ContentApi
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiTokenHandler.SchemeName })
            .DisableAntiforgery().AddEndpointFilter(async (ctx, next) =>
            {
                try { return await next(ctx); }
                catch (Exception e) when (e is Core.ValidationException or ChecksBlockedException or ForbiddenException or NotFoundException)
                {
                    return Problems.From(e);
                }
            });
        app.MapGet("/api/v1/openapi.json", () => Results.Text(OpenApiDocument.Json, "application/json; charset=utf-8")).AllowAnonymous();

        api.MapGet("/content", ListAsync);
        api.MapGet("/content/{id:int}", ReadAsync);
        api.MapPost("/content", CreateAsync);
        api.MapPut("/content/{id:int}", UpdateAsync);
        api.MapGet("/content/{id:int}/checks", async (int id, ClaimsPrincipal user, EditorialWorkflow wf, CancellationToken ct) =>
            Results.Json(new { findings = (await wf.CheckAsync(user, id, null, ct)).Select(Problems.Finding) }));
        api.MapPost("/content/{id:int}/submit", async (int id, HttpContext http, EditorialWorkflow wf) =>
        {
            var body = await ApiRequest.BodyAsync(http, required: false);
            var findings = await wf.SubmitAsync(http.User, id, ApiRequest.Bool(body, "leaveToReviewer"), ApiRequest.Actor(http), http.RequestAborted);
            return Results.Json(new { state = "InReview", findings = findings.Select(Problems.Finding) });
        });
        api.MapPost("/content/{id:int}/approve", async (int id, HttpContext http, EditorialWorkflow wf) =>
        {
            var body = await ApiRequest.BodyAsync(http, required: false);
            var outcome = await wf.ApproveAsync(http.User, id, ApiRequest.String(body, "comment") ?? "", ApiRequest.Time(body, "publishAt"),
                ApiRequest.String(body, "backdateReason"), ApiRequest.Actor(http), http.RequestAborted);
            return Results.Json(new { level = outcome.Level, levels = outcome.Levels, published = outcome.Published });
        });
        api.MapPost("/content/{id:int}/reject", async (int id, HttpContext http, EditorialWorkflow wf) =>
        {
            var body = await ApiRequest.BodyAsync(http, required: false);
            await wf.SendBackAsync(http.User, id, ApiRequest.String(body, "comment") ?? "", ApiRequest.Actor(http), http.RequestAborted);
            return Results.Json(new { state = "Draft" });
        });
        api.MapPost("/content/{id:int}/publish", async (int id, HttpContext http, EditorialWorkflow wf) =>
        {
            var body = await ApiRequest.BodyAsync(http, required: false);
            await wf.PublishAsync(http.User, id, ApiRequest.Time(body, "publishAt"), ApiRequest.String(body, "backdateReason"), ApiRequest.Actor(http), http.RequestAborted);
            return Results.Json(new { state = "Published" });
        });
        api.MapPost("/content/{id:int}/unpublish", async (int id, HttpContext http, EditorialWorkflow wf) =>
        {
            await wf.UnpublishAsync(http.User, id, ApiRequest.Actor(http), http.RequestAborted);
            return Results.Json(new { state = "Archived" });
        });
        api.MapPost("/content/{id:int}/mask", async (int id, HttpContext http, EditorialWorkflow wf) =>
        {
            var v = await wf.MaskAsync(http.User, id, ApiRequest.Actor(http), http.RequestAborted);
            return Results.Json(new { version = v.Number, state = v.State.ToString() });
        });
        api.MapPost("/content/{id:int}/override", async (int id, HttpContext http, EditorialWorkflow wf) =>
        {
            var body = await ApiRequest.BodyAsync(http);
            await wf.OverrideAsync(http.User, id, ApiRequest.String(body, "reason") ?? "", ApiRequest.Actor(http), http.RequestAborted);
            return Results.Json(new { overridden = true });
        });
        api.MapPost("/content/{id:int}/schedule", async (int id, HttpContext http, EditorialWorkflow wf) =>
        {
            var body = await ApiRequest.BodyAsync(http);
            var action = ApiRequest.String(body, "action") switch
            {
                "publish" => ScheduledAction.Publish,
                "unpublish" => ScheduledAction.Unpublish,
                var a => throw new Core.ValidationException([new("action", $"action“{a}”无效：应为 publish 或 unpublish。")]),
            };
            var at = ApiRequest.Time(body, "at") ?? throw new Core.ValidationException([new("at", "缺少定时时间 at（北京时间 YYYY-MM-DD HH:MM）。")]);
            var job = await wf.ScheduleAsync(http.User, id, action, at, ApiRequest.Actor(http), http.RequestAborted);
            return Results.Json(new { id = job.Id, action = action.ToString(), dueLocal = ShanghaiTime.PubDate(job.DueUtc) });
        });
    }

    private static async Task<IResult> ListAsync(HttpContext http, SiteContext siteContext, CmsDbContext db, ISitePermissions permissions, ContentQuery query)
    {
        var siteKey = http.Request.Query["site"].ToString();
        var site = siteKey.Length > 0
            ? await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Key == siteKey, http.RequestAborted) ?? throw new Core.ValidationException([new("site", $"站点“{siteKey}”不存在。")])
            : siteContext.Site!;
        if (!await permissions.HasAsync(http.User, site.Id, Permission.ViewAdmin, http.RequestAborted))
            throw new ForbiddenException("您在该站点没有“进入后台”权限。");
        VersionState? state = null;
        var stateText = http.Request.Query["state"].ToString();
        if (stateText.Length > 0)
            state = Enum.TryParse<VersionState>(stateText, true, out var s) ? s : throw new Core.ValidationException([new("state", $"state“{stateText}”无效：应为 Draft、InReview、Published 或 Archived。")]);
        var page = 1;
        if (http.Request.Query["page"].ToString() is { Length: > 0 } p && (!int.TryParse(p, out page) || page < 1))
            throw new Core.ValidationException([new("page", $"page“{p}”无效：应为正整数。")]);
        var (rows, total) = await query.ListAsync(new ContentFilter(site.Id)
        {
            ContentType = NullIfEmpty(http.Request.Query["type"]), State = state, Author = NullIfEmpty(http.Request.Query["author"]),
            Search = NullIfEmpty(http.Request.Query["q"]), Page = page,
        }, http.RequestAborted);
        return Results.Json(new
        {
            site = site.Key, total, page,
            items = rows.Select(r => new { id = r.Id, title = r.Title, contentType = r.ContentType, columnId = r.ColumnId, state = r.State.ToString(), version = r.Version, author = r.Author, publicPath = r.PublicPath }),
        });
    }

    private static async Task<IResult> ReadAsync(int id, ClaimsPrincipal user, EditorialWorkflow wf, CmsDbContext db, CancellationToken ct)
    {
        var item = await wf.AuthorizeAsync(user, id, Permission.ViewAdmin, ct);
        var latest = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, ct);
        return Results.Json(View(item, latest));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, SiteContext siteContext, CmsDbContext db, EditorialWorkflow wf)
    {
        var body = await ApiRequest.BodyAsync(http);
        var siteKey = ApiRequest.String(body, "site");
        var site = siteKey is null ? siteContext.Site!
            : await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Key == siteKey, http.RequestAborted) ?? throw new Core.ValidationException([new("site", $"站点“{siteKey}”不存在。")]);
        var type = ApiRequest.String(body, "contentType") ?? throw new Core.ValidationException([new("contentType", "缺少内容类型 contentType。")]);
        int? columnId = null;
        if (body["column"] is JsonValue cv && cv.TryGetValue<string>(out var columnPath))
            columnId = (await db.CrossSite<Column>().FirstOrDefaultAsync(c => c.SiteId == site.Id && c.Path == columnPath, http.RequestAborted))?.Id
                ?? throw new Core.ValidationException([new("column", $"栏目“{columnPath}”不存在于站点 {site.Key}。")]);
        else columnId = ApiRequest.Int(body, "column");
        var draft = new ContentDraft(site.Id, type, ApiRequest.Object(body, "parts")) { ColumnId = columnId, Slug = ApiRequest.String(body, "slug") };
        var item = await wf.CreateAsync(http.User, draft, ApiRequest.Actor(http), http.RequestAborted);
        var latest = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, http.RequestAborted);
        return Results.Json(View(item, latest), statusCode: 201);
    }

    private static async Task<IResult> UpdateAsync(int id, HttpContext http, CmsDbContext db, EditorialWorkflow wf)
    {
        var body = await ApiRequest.BodyAsync(http);
        var version = await wf.SaveAsync(http.User, id, ApiRequest.Object(body, "parts"), ApiRequest.Actor(http), http.RequestAborted);
        var item = await db.ContentItems.AsNoTracking().FirstAsync(i => i.Id == id, http.RequestAborted);
        return Results.Json(View(item, version));
    }

    private static object View(ContentItem item, ContentVersion v) => new
    {
        id = item.Id, site = item.SiteId, contentType = item.ContentType, columnId = item.ColumnId, slug = item.Slug,
        title = v.Title, state = v.State.ToString(), version = v.Number, author = v.Author, publicPath = item.PublicPath,
        published = item.PublishedVersionId is not null, parts = v.Parts,
    };

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
