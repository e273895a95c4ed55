using Fenghua.Cms.Core.Outbox;

namespace Fenghua.Cms.Data.Outbox;

/// <summary>
/// Turns outbox records into a module's own durable work (e.g. a mail to send, a channel push).
/// The handler only adds rows to <paramref name="db"/>; the pump saves them together with the
/// consumer's cursor, so each record is handled exactly once across restarts and nodes.
/// </summary>
public interface IOutboxConsumer
{
    string Name { get; }
    Task HandleAsync(OutboxMessage message, CmsDbContext db, CancellationToken ct);
}
