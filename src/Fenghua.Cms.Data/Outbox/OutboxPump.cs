using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fenghua.Cms.Data.Outbox;

/// <summary>
/// Feeds every <see cref="IOutboxConsumer"/> the records after its cursor, one transaction per batch.
/// The cursor update is conditional on the old value, so when several nodes run this pump a batch is
/// taken by exactly one of them.
/// </summary>
public sealed class OutboxPump(IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, ILogger<OutboxPump> log) : PollingWorker
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

    protected override TimeProvider Clock => clock;

    protected override ILogger Log => log;

    protected override OutboxSignal Signal => signal;

    protected override TimeSpan PollInterval => DefaultPollInterval;

    protected override string FailureMessage => "发件箱处理失败，稍后重试。";

    protected override Task RunPassAsync(CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>One pass over all consumers; returns how many records were handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var handled = 0;
        using var scope = scopes.CreateScope();
        foreach (var consumer in scope.ServiceProvider.GetServices<IOutboxConsumer>())
            handled += await RunConsumerAsync(consumer.Name, ct);
        return handled;
    }

    private async Task<int> RunConsumerAsync(string name, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var consumer = scope.ServiceProvider.GetServices<IOutboxConsumer>().First(c => c.Name == name);
        var cursor = await db.OutboxCursors.FirstOrDefaultAsync(c => c.Consumer == name, ct);
        if (cursor is null)
        {
            db.OutboxCursors.Add(cursor = new OutboxCursor { Consumer = name, UpdatedUtc = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
        }
        var batch = await OutboxReader.NextAsync(db, cursor.LastSequence, 100, clock.GetUtcNow(), ct);
        if (batch.Count == 0) return 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var message in batch) await consumer.HandleAsync(message, db, ct);
        var moved = await db.OutboxCursors.Where(c => c.Consumer == name && c.LastSequence == cursor.LastSequence)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.LastSequence, batch[^1].Id).SetProperty(c => c.UpdatedUtc, clock.GetUtcNow()), ct);
        if (moved == 0) return 0; // another node took this batch; our rows roll back with the transaction
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return batch.Count;
    }
}
