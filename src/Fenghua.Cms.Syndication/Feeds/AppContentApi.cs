using System.Globalization;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data;
using Fenghua.Cms.Theming.Public;
using Microsoft.EntityFrameworkCore;
using Fenghua.Cms.Theming.Http;

namespace Fenghua.Cms.Syndication.Feeds;

/// <summary>
/// The mobile app channel (“端”): GET /api/v1/public/content?since=…&amp;limit=… lists the current site's
/// public items changed after <c>since</c>, oldest change first, with the ids withdrawn meanwhile, so an
/// app can keep a copy in step by polling with the <c>next_since</c> it was given.
/// </summary>
public static class AppContentApi
{
    public const int MaxLimit = 100;

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/v1/public/content", async (HttpContext http, string? since, int? limit, CmsDbContext db, CancellationToken ct) =>
        {
            var after = DateTimeOffset.UnixEpoch;
            if (since is not null && !DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out after))
                return ApiProblem.BadParameter("输入有误", $"since“{since}”不是有效的时间（RFC 3339，如 2018-08-02T09:30:00+08:00）。", "since");
            var take = limit ?? 20;
            if (take is < 1 or > MaxLimit) return ApiProblem.BadParameter("输入有误", $"limit 必须在 1 到 {MaxLimit} 之间。", "limit");

            var changed = await db.ContentItems.AsNoTracking().Where(i => i.PublicPath != null && i.ModifiedUtc > after)
                .OrderBy(i => i.ModifiedUtc).ThenBy(i => i.Id).Take(take).ToListAsync(ct);
            var versionIds = changed.Where(i => i.PublishedVersionId != null).Select(i => i.PublishedVersionId!.Value).ToList();
            var versions = await db.ContentVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
            var root = $"{http.Request.Scheme}://{http.Request.Host}";
            var items = changed.Where(i => i.PublishedVersionId != null).Select(i =>
            {
                var v = versions[i.PublishedVersionId!.Value];
                return new
                {
                    id = i.Id, type = i.ContentType, title = v.Title, url = PublicPages.AbsoluteUrl(http, i.PublicPath!),
                    date_published = FeedTime.Rfc3339(i.PublishedUtc!.Value), date_modified = FeedTime.Rfc3339(i.ModifiedUtc),
                    summary = PublicContentReader.PlainSummary(v, 200), content_html = AbsoluteLinks.Rewrite(PublicContentReader.BodyHtml(v), root),
                };
            }).ToList();
            var removed = changed.Where(i => i.PublishedVersionId == null).Select(i => i.Id).ToList();
            var next = changed.Count > 0 ? changed[^1].ModifiedUtc : after;
            return Results.Json(new { items, removed, next_since = next.ToString("O", CultureInfo.InvariantCulture), has_more = changed.Count == take });
        });
    }
}
