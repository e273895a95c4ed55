using System.Text.RegularExpressions;
using Fenghua.Cms.Core.Security;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Media;
using Fenghua.Cms.Media.Imaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Fenghua.Cms.Media.Http;

/// <summary>
/// Serves media bytes: /media/{id}/{hash}/o/{name} (the file) and /media/{id}/{hash}/w{width}.{webp|jpg}
/// (an allowed width of an image). The file must belong to the site of the request and the hash must
/// match; public files are cached for a year as immutable, the rest are only for people who work on the site.
/// </summary>
public static partial class MediaFileEndpoints
{
    public const string ImmutableCache = "public, max-age=31536000, immutable";

    [GeneratedRegex("^w(?<width>[1-9][0-9]{0,4})\\.(?<format>webp|jpg)$")]
    private static partial Regex VariantPattern();

    public static void Map(WebApplication app) =>
        app.MapMethods("/media/{id:int}/{hash}/{**rest}", [HttpMethods.Get, HttpMethods.Head], ServeAsync);

    private static async Task<IResult> ServeAsync(int id, string hash, string rest, HttpContext http, SiteContext siteContext, CmsDbContext db,
        MediaStore store, MediaOptions options, ILoggerFactory logs)
    {
        if (siteContext.Site is not { } site) return Results.NotFound();
        var file = await db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.SiteId == site.Id, http.RequestAborted);
        if (file is null || !string.Equals(hash, MediaUrls.Hash(file), StringComparison.Ordinal)) return Results.NotFound();
        if (!file.IsPublic && !await MayPreviewAsync(http, site.Id)) return Results.NotFound();

        string path, contentType, suffix;
        var inline = file.Kind is MediaKind.Image or MediaKind.Pdf;
        if (rest.StartsWith("o/", StringComparison.Ordinal))
        {
            if (!string.Equals(Uri.UnescapeDataString(rest[2..]), MediaUrls.DownloadName(file), StringComparison.Ordinal)) return Results.NotFound();
            (path, contentType, suffix) = (store.OriginalPath(site.Key, file), file.ContentType, "o");
        }
        else if (file.Kind == MediaKind.Image && VariantPattern().Match(rest) is { Success: true } m
                 && int.TryParse(m.Groups["width"].Value, out var width) && options.Widths.Contains(width))
        {
            var format = m.Groups["format"].Value == "webp" ? ImageFormatKind.Webp : ImageFormatKind.Jpeg;
            (path, contentType, suffix) = (store.VariantPath(site.Key, file, width, format), format == ImageFormatKind.Webp ? "image/webp" : "image/jpeg", rest);
        }
        else
        {
            return Results.NotFound();
        }

        if (!File.Exists(path))
        {
            logs.CreateLogger(typeof(MediaFileEndpoints)).LogWarning("媒体文件 {Id} 的 {Rest} 在磁盘上不存在：{Path}", file.Id, rest, path);
            return Results.NotFound();
        }

        var headers = http.Response.Headers;
        headers.CacheControl = file.IsPublic ? ImmutableCache : "private, no-store";
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(suffix == "o" ? MediaUrls.DownloadName(file) : Path.GetFileNameWithoutExtension(MediaUrls.DownloadName(file)) + "-" + rest);
        headers.ContentDisposition = disposition.ToString();
        // An SVG opened directly must not run script in the site's origin.
        if (file.Kind == MediaKind.Svg) headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return Results.File(path, contentType, entityTag: new EntityTagHeaderValue($"\"{MediaUrls.Hash(file)}-{suffix.Replace('.', '-')}\""), enableRangeProcessing: true);
    }

    private static async Task<bool> MayPreviewAsync(HttpContext http, int siteId)
    {
        if (http.User.Identity?.IsAuthenticated != true) return false;
        var permissions = http.RequestServices.GetService<ISitePermissions>();
        return permissions is not null && await permissions.HasAsync(http.User, siteId, Permission.ViewAdmin, http.RequestAborted);
    }
}
