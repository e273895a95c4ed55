using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Web.Tests.Editorial;

/// <summary>Pruning old audit entries on a fresh SQLite store with a clock the test moves.</summary>
public sealed class AuditRetentionTests : IDisposable
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"fenghua-audit-{Guid.NewGuid():N}.db");
    private readonly Clock _clock = new();

    private SqliteCmsDbContext Db()
    {
        var db = new SqliteCmsDbContext(new DbContextOptionsBuilder<SqliteCmsDbContext>().UseSqlite($"Data Source={_file}").Options);
        db.Database.Migrate();
        return db;
    }

    private async Task AppendAsync(DateTimeOffset at, string action)
    {
        _clock.Now = at;
        await using var db = Db();
        await new AuditLog(_clock).AppendAsync(db, new Actor("editor"), action, "content:1", 1, at.ToString("O"));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Entries_older_than_the_retention_period_can_be_pruned_and_the_rest_of_the_chain_still_verifies()
    {
        await AppendAsync(new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), "content.create");
        await AppendAsync(new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), "content.publish");
        await AppendAsync(new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), "content.unpublish");
        await AppendAsync(new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), "content.publish");
        _clock.Now = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
        // A configured 30 days counts as the 180-day minimum.
        var pruner = new AuditPruner(new AuditLog(_clock), new AuditOptions { RetentionDays = 30 }, _clock);

        await using (var db = Db())
        {
            var refused = await Assert.ThrowsAsync<ValidationException>(() => pruner.PruneAsync(db, new(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(8)), new Actor("cli")));
            Assert.Equal("before", refused.Errors[0].Field);
            Assert.Contains("至少保留 180 天", refused.Errors[0].Message);
            Assert.Equal(4, await db.AuditTrail.CountAsync());

            Assert.Equal(2, await pruner.PruneAsync(db, new(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(8)), new Actor("cli")));
        }
        await using (var db = Db())
        {
            var left = await db.AuditTrail.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
            Assert.Equal(["content.unpublish", "content.publish", AuditPruner.Action], left);
            Assert.Null(await AuditLog.VerifyAsync(db));
            var prune = await db.AuditTrail.AsNoTracking().SingleAsync(a => a.Action == AuditPruner.Action);
            Assert.Equal("cli", prune.Actor);
            Assert.Contains("2 条", prune.Details);

            // Deleting the first kept entry by hand is still detected: its successor points at no recorded anchor.
            var first = await db.AuditTrail.OrderBy(a => a.Id).FirstAsync();
            db.AuditTrail.Remove(first);
            await db.SaveChangesAsync();
            Assert.NotNull(await AuditLog.VerifyAsync(db));
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
