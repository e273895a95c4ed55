using Fenghua.Cms.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data.Audit;

/// <summary>Appends chained entries to the audit trail in the caller's unit of work.</summary>
public sealed class AuditLog(TimeProvider clock)
{
    public const string Genesis = "genesis";

    public async Task AppendAsync(CmsDbContext db, Actor actor, string action, string target, int? siteId, string details = "", CancellationToken ct = default)
    {
        var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).LastOrDefault();
        var previous = pending?.Hash
            ?? await db.AuditTrail.OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(ct)
            ?? Genesis;
        var entry = new AuditEntry
        {
            Utc = WholeMilliseconds(clock.GetUtcNow()),
            SiteId = siteId,
            Actor = actor.Name,
            Address = actor.Address,
            Action = action,
            Target = target,
            Details = details,
            PreviousHash = previous,
        };
        entry.Hash = entry.ComputeHash();
        db.AuditTrail.Add(entry);
    }

    // Stores keep different sub-millisecond precision (SQLite's binary form, PostgreSQL's microseconds);
    // hashing whole milliseconds keeps the chain verifiable after a round trip through either.
    private static DateTimeOffset WholeMilliseconds(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    /// <summary>
    /// Walks the chain; returns the id of the first entry that does not match, or null when intact. The first entry
    /// starts the chain ("genesis") or points at the anchor a recorded prune left (see <see cref="AuditPruner"/>).
    /// </summary>
    public static async Task<long?> VerifyAsync(CmsDbContext db, CancellationToken ct = default)
    {
        var anchors = await AuditPruner.AnchorsAsync(db, ct);
        string? previous = null;
        await foreach (var e in db.AuditTrail.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            var linked = previous is null ? e.PreviousHash == Genesis || anchors.Contains(e.PreviousHash) : e.PreviousHash == previous;
            if (!linked || e.ComputeHash() != e.Hash) return e.Id;
            previous = e.Hash;
        }
        return null;
    }
}
