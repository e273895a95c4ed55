using Fenghua.Cms.Core.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data.Outbox;

/// <summary>
/// Reads outbox records after a sequence number, stopping at a gap: on PostgreSQL a record with a
/// lower id can commit after a higher one, so a reader that skipped ahead could miss it. A gap older
/// than <see cref="GapTimeout"/> is a rolled-back transaction and is passed.
/// </summary>
public static class OutboxReader
{
    public static readonly TimeSpan GapTimeout = TimeSpan.FromSeconds(10);

    public static async Task<List<OutboxMessage>> NextAsync(CmsDbContext db, long after, int max, DateTimeOffset now, CancellationToken ct)
    {
        var batch = await db.Outbox.AsNoTracking().Where(m => m.Id > after).OrderBy(m => m.Id).Take(max).ToListAsync(ct);
        var expected = after + 1;
        for (var i = 0; i < batch.Count; i++, expected++)
        {
            if (batch[i].Id == expected) continue;
            // A hole before this record: wait for it unless the record after the hole is old enough.
            if (now - batch[i].CreatedUtc < GapTimeout) return batch[..i];
            expected = batch[i].Id;
        }
        return batch;
    }
}
