namespace Fenghua.Cms.Core.Outbox;

/// <summary>
/// Something that must happen after a commit (index, push, mail, cache eviction), written in the
/// same transaction as the change. The id is a monotonic sequence that each node's indexer follows.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public int? SiteId { get; set; }
    public int? ContentItemId { get; set; }
    public string Payload { get; set; } = "{}";
    public DateTimeOffset CreatedUtc { get; set; }
}

public static class OutboxKinds
{
    public const string ContentPublished = "content.published";
    public const string ContentUnpublished = "content.unpublished";
    public const string ContentDeleted = "content.deleted";
    public const string SiteChanged = "site.changed";
}
