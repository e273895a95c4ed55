using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Data.Editorial;

/// <summary>A publish or unpublish at a given time, kept in the store so it survives restarts.</summary>
public sealed class ScheduledJob : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int ContentItemId { get; set; }
    public ScheduledAction Action { get; set; }
    public DateTimeOffset DueUtc { get; set; }
    public ScheduledJobState State { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset? CompletedUtc { get; set; }
    public string? Error { get; set; }
}

public enum ScheduledAction { Publish, Unpublish }

public enum ScheduledJobState { Pending, Running, Done, Failed, Cancelled }
