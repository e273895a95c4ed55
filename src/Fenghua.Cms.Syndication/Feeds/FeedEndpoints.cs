using System.Security.Cryptography;
using Fenghua.Cms.Theming.Caching;
using Fenghua.Cms.Theming.Public;
using Microsoft.Net.Http.Headers;

namespace Fenghua.Cms.Syndication.Feeds;

/// <summary>/feeds/all.{rss,atom,json} and /feeds/{column-path}.{rss,atom,json} of the current site, with ETag/Last-Modified and 304s.</summary>
public static class FeedEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapMethods("/feeds/{**path}", [HttpMethods.Get, HttpMethods.Head], async (HttpContext http, string path, FeedReader reader, PublicPages pages, CancellationToken ct) =>
        {
            var dot = path.LastIndexOf('.');
            if (dot <= 0 || !FeedFormats.TryParse(path[(dot + 1)..].ToLowerInvariant(), out var format))
                return await pages.NotFoundAsync(http, ct);
            var feedPath = path[..dot].Trim('/').ToLowerInvariant();
            var column = feedPath == "all" ? null : await reader.ColumnAsync(feedPath, ct);
            if (feedPath != "all" && column is null) return await pages.NotFoundAsync(http, ct);

            var feed = await reader.BuildAsync(http, column, feedPath, ct);
            var body = format switch
            {
                FeedFormat.Rss => RssWriter.Write(feed),
                FeedFormat.Atom => AtomWriter.Write(feed),
                _ => JsonFeedWriter.Write(feed),
            };
            var lastModified = Seconds(await reader.LastChangeAsync(column, ct));
            var etag = new EntityTagHeaderValue("\"" + Convert.ToHexString(SHA256.HashData(body))[..32].ToLowerInvariant() + "\"");
            var headers = http.Response.GetTypedHeaders();
            headers.ETag = etag;
            headers.LastModified = lastModified;
            headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(5) };
            return NotModified(http.Request, etag, lastModified)
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(body, FeedFormats.ContentType(format));
        }).CacheOutput(PublicPageCachePolicy.Name);
    }

    /// <summary>RFC 9110 §13.2.2: If-None-Match decides when present; otherwise If-Modified-Since.</summary>
    public static bool NotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var typed = request.GetTypedHeaders();
        if (request.Headers.IfNoneMatch.Count > 0)
            return typed.IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        return typed.IfModifiedSince is { } since && lastModified <= since;
    }

    private static DateTimeOffset Seconds(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

}
