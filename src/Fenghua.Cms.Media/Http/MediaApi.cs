using Fenghua.Cms.Theming.Http;
using System.Text.Json;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;

namespace Fenghua.Cms.Media.Http;

/// <summary>
/// /api/v1/media for bearer tokens: list and search, upload (multipart field "file"), read, change the
/// description, folder and public flag (PATCH, <see cref="MediaPatch"/>), publish, unpublish, delete (409 while content links to the file), folders. Every call needs ManageMedia on the site the URL is under, which is also
/// the only site whose files it can see.
/// </summary>
public static class MediaApi
{
    /// <summary>The bearer-token scheme registered by the Editorial module (ApiTokenHandler.Scheme).</summary>
    public const string Scheme = "ApiToken";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1/media")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = Scheme })
            .DisableAntiforgery()
            .AddEndpointFilter(async (ctx, next) =>
            {
                var http = ctx.HttpContext;
                if (http.RequestServices.GetRequiredService<SiteContext>().Site is not { } site)
                    return new ApiProblem(404, "站点不存在", "请求的站点不存在或已停用。", null);
                var permissions = http.RequestServices.GetRequiredService<ISitePermissions>();
                if (!await permissions.HasAsync(http.User, site.Id, Permission.ManageMedia, http.RequestAborted))
                    return new ApiProblem(403, "无权操作", $"令牌所属用户在站点“{site.Name}”没有管理媒体库的权限。", null);
                try { return await next(ctx); }
                catch (ValidationException e) { return ApiProblem.Invalid(e); }
                catch (MediaInUseException e) { return new ApiProblem(409, "文件正被引用", e.Message, "id"); }
            });

        api.MapGet("", ListAsync);
        api.MapPost("", UploadAsync);
        api.MapGet("/{id:int}", async (int id, HttpContext http, MediaLibrary library) =>
            await library.FindAsync(id, http.RequestAborted) is { } f ? Results.Json(await ViewAsync(http, library, f)) : NotFound(id));
        api.MapPatch("/{id:int}", async (int id, HttpContext http, MediaLibrary library) =>
        {
            // Another site's id is simply not found, whatever the body says.
            if (await library.FindAsync(id, http.RequestAborted) is null) return NotFound(id);
            return await library.UpdateAsync(id, await MediaPatch.ReadAsync(http), Actor(http), http.RequestAborted) is { } updated
                ? Results.Json(await ViewAsync(http, library, updated.File)) : NotFound(id);
        });
        api.MapDelete("/{id:int}", async (int id, HttpContext http, MediaLibrary library) =>
            await library.DeleteAsync(id, Actor(http), http.RequestAborted) ? Results.NoContent() : NotFound(id));
        api.MapPost("/{id:int}/publish", (int id, HttpContext http, MediaLibrary library) => SetPublicAsync(id, true, http, library));
        api.MapPost("/{id:int}/unpublish", (int id, HttpContext http, MediaLibrary library) => SetPublicAsync(id, false, http, library));
        api.MapGet("/folders", async (HttpContext http, MediaLibrary library) =>
            Results.Json(new { folders = (await library.FoldersAsync(http.RequestAborted)).Select(f => new { id = f.Id, path = f.Path }) }));
        api.MapPost("/folders", async (HttpContext http, MediaLibrary library) =>
        {
            var path = await JsonStringAsync(http, "path");
            var folder = await library.CreateFolderAsync(path, Actor(http), http.RequestAborted);
            return Results.Json(new { id = folder.Id, path = folder.Path }, statusCode: 201);
        });
    }

    private static async Task<IResult> ListAsync(HttpContext http, MediaLibrary library)
    {
        var q = http.Request.Query;
        var query = new MediaQuery(q["q"].ToString(), q["folder"].ToString(), Kind(q["kind"].ToString()),
            Int(q["page"].ToString(), "page", 1), Int(q["pageSize"].ToString(), "pageSize", 50));
        var page = await library.SearchAsync(query, http.RequestAborted);
        var folders = (await library.FoldersAsync(http.RequestAborted)).ToDictionary(f => f.Id, f => f.Path);
        var widths = http.RequestServices.GetRequiredService<MediaOptions>().Widths;
        return Results.Json(new
        {
            total = page.Total,
            page = page.Page,
            pageSize = page.PageSize,
            items = page.Items.Select(f => MediaJson.File(f, http.Request.PathBase, f.FolderId is { } id ? folders.GetValueOrDefault(id) : null, widths)),
        });
    }

    private static async Task<IResult> UploadAsync(HttpContext http, MediaLibrary library, MediaOptions options)
    {
        var limit = options.MaxUploadBytes;
        var tooLarge = new ApiProblem(413, "文件过大", $"上传的文件超过大小上限 {MediaOptions.FormatBytes(limit)}（{limit:N0} 字节）。", "file");
        if (!http.Request.HasFormContentType)
            return ApiProblem.BadParameter("输入有误", "请以 multipart/form-data 上传，文件放在字段 file 中。", "file");
        // Room for the multipart framing around one file at the limit; the library enforces the exact limit.
        var bodyLimit = limit + 1024 * 1024;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature) sizeFeature.MaxRequestBodySize = bodyLimit;
        if (http.Request.ContentLength > bodyLimit) return tooLarge;
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = bodyLimit, ValueLengthLimit = 4096 }, http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return tooLarge;
        }
        var files = form.Files.GetFiles("file");
        if (files.Count != 1)
            return ApiProblem.BadParameter("输入有误", files.Count == 0 ? "缺少要上传的文件（multipart 字段 file）。" : "一次只能上传一个文件。", "file");
        var file = files[0];
        await using var content = file.OpenReadStream();
        var uploaded = await library.UploadAsync(
            new MediaUpload(file.FileName, content, form["folder"].ToString(), Bool(form["public"].ToString(), "public"), form["altText"].ToString()),
            Actor(http), http.RequestAborted);
        return Results.Json(await ViewAsync(http, library, uploaded), statusCode: 201);
    }

    private static async Task<IResult> SetPublicAsync(int id, bool isPublic, HttpContext http, MediaLibrary library) =>
        await library.SetPublicAsync(id, isPublic, Actor(http), http.RequestAborted) is { } f ? Results.Json(await ViewAsync(http, library, f)) : NotFound(id);

    private static async Task<object> ViewAsync(HttpContext http, MediaLibrary library, MediaFile f)
    {
        var folder = f.FolderId is { } id ? (await library.FoldersAsync(http.RequestAborted)).FirstOrDefault(x => x.Id == id)?.Path : null;
        return MediaJson.File(f, http.Request.PathBase, folder, http.RequestServices.GetRequiredService<MediaOptions>().Widths);
    }

    private static ApiProblem NotFound(int id) => new(404, "不存在", $"本站点的媒体库中没有编号为 {id} 的文件。", "id");

    public static Actor Actor(HttpContext http) =>
        new(http.User.Identity?.Name is { Length: > 0 } name ? name : "api", http.Connection.RemoteIpAddress?.ToString());

    private static MediaKind? Kind(string typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        if (Enum.TryParse<MediaKind>(typed, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(typed, out _)) return kind;
        throw new ValidationException([new ValidationError("kind", $"类型“{typed}”无效，可选：image、pdf、docx、xlsx、zip、svg。")]);
    }

    private static int Int(string typed, string parameter, int fallback)
    {
        if (string.IsNullOrWhiteSpace(typed)) return fallback;
        return int.TryParse(typed, out var value) ? value : throw new ValidationException([new ValidationError(parameter, $"参数 {parameter} 的值“{typed}”不是整数。")]);
    }

    private static bool Bool(string typed, string parameter) => typed.Trim().ToLowerInvariant() switch
    {
        "" or "false" or "0" or "off" => false,
        "true" or "1" or "on" => true,
        _ => throw new ValidationException([new ValidationError(parameter, $"参数 {parameter} 的值“{typed}”无效，应为 true 或 false。")]),
    };

    private static async Task<string?> JsonStringAsync(HttpContext http, string property)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString() : null;
        }
        catch (JsonException)
        {
            throw new ValidationException([new ValidationError(property, "请求体不是有效的 JSON。")]);
        }
    }
}
