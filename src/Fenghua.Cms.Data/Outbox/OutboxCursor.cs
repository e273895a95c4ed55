namespace Fenghua.Cms.Data.Outbox;

/// <summary>How far a store-wide consumer (mail, channel pushes...) has read the outbox; moved in the same transaction as its work.</summary>
public sealed class OutboxCursor
{
    public string Consumer { get; set; } = "";
    public long LastSequence { get; set; }
    public DateTimeOffset UpdatedUtc { get; set; }
}
