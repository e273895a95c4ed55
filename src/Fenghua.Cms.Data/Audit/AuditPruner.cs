using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Content;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data.Audit;

/// <summary>
/// Deletes audit entries older than a date, never within the retention period. The chain stays verifiable: the
/// prune is itself a chained entry that names the hash the first remaining entry points back to (its anchor).
/// </summary>
public sealed class AuditPruner(AuditLog log, AuditOptions options, TimeProvider clock)
{
    public const string Action = "audit.prune";
    private const string AnchorLabel = "anchor=";

    public async Task<int> PruneAsync(CmsDbContext db, DateTimeOffset before, Actor actor, CancellationToken ct = default)
    {
        // Stored values are UTC and SQLite compares their encoded ticks: compare in UTC.
        before = before.ToUniversalTime();
        var limit = clock.GetUtcNow().AddDays(-options.EffectiveRetentionDays);
        if (before > limit)
            throw new ValidationException([new("before", $"审计日志至少保留 {options.EffectiveRetentionDays} 天：只能删除 {ShanghaiTime.Date(limit)} 之前的记录。")]);

        // Delete a prefix of the chain (by id), so what is left still links up even if the clock once stepped back.
        var last = await db.AuditTrail.AsNoTracking().Where(a => a.Utc < before).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        if (last is null) return 0;
        var count = await db.AuditTrail.CountAsync(a => a.Id <= last.Id, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.AuditTrail.Where(a => a.Id <= last.Id).ExecuteDeleteAsync(ct);
        await log.AppendAsync(db, actor, Action, "audit", null, $"删除 {ShanghaiTime.Date(before)} 之前的 {count} 条记录；{AnchorLabel}{last.Hash}", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return count;
    }

    /// <summary>The hashes that the first remaining entry may point back to after prunes.</summary>
    public static async Task<HashSet<string>> AnchorsAsync(CmsDbContext db, CancellationToken ct)
    {
        var details = await db.AuditTrail.AsNoTracking().Where(a => a.Action == Action).Select(a => a.Details).ToListAsync(ct);
        return details.Select(d => d.IndexOf(AnchorLabel, StringComparison.Ordinal) is var i and >= 0 ? d[(i + AnchorLabel.Length)..].Trim() : "")
            .Where(a => a.Length > 0).ToHashSet(StringComparer.Ordinal);
    }
}
