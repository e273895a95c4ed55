using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Media;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Media;

/// <summary>An item whose current or published version links to a media file.</summary>
public sealed record MediaReference(int ItemId, string Title, int SiteId, string SiteName);

/// <summary>
/// Finds content that links to a media file, on any site (a department's file may be linked from the portal).
/// A link always contains "/media/{id}/{hash}/", which names exactly one file, so a text search of the stored
/// part JSON is exact. Only the latest and the published version of an item count: those are what visitors
/// see or will see once published; older versions are history.
/// </summary>
public sealed class MediaReferences(CmsDbContext db)
{
    public async Task<IReadOnlyList<MediaReference>> FindAsync(MediaFile file, CancellationToken ct)
    {
        var pattern = $"%/media/{file.Id}/{MediaUrls.Hash(file)}/%";
        // Raw SQL because Parts is a JSON value converted to text, which LINQ cannot search; quoted names work on SQLite and PostgreSQL.
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT i."Id" AS "ItemId", i."Title" AS "Title", i."SiteId" AS "SiteId", s."Name" AS "SiteName"
            FROM "ContentItems" i JOIN "Sites" s ON s."Id" = i."SiteId"
            WHERE i."IsDeleted" = {false} AND EXISTS (
                SELECT 1 FROM "ContentVersions" v
                WHERE v."ContentItemId" = i."Id" AND (v."Id" = i."LatestVersionId" OR v."Id" = i."PublishedVersionId") AND v."Parts" LIKE {pattern})
            ORDER BY i."Id"
            """).ToListAsync(ct);
        return rows.Select(r => new MediaReference(r.ItemId, r.Title, r.SiteId, r.SiteName)).ToList();
    }

    private sealed class Row
    {
        public int ItemId { get; set; }
        public string Title { get; set; } = "";
        public int SiteId { get; set; }
        public string SiteName { get; set; } = "";
    }
}
