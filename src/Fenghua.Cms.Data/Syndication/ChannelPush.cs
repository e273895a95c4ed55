using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Data.Syndication;

/// <summary>
/// One push of one item to one channel: a durable state machine. Each platform step stores its
/// result here before the next step starts, so a restart resumes instead of posting again.
/// Unique per (channel, item, round): a round is bumped only when the editor asks to push again.
/// </summary>
public sealed class ChannelPush : ISiteOwned
{
    public long Id { get; set; }
    public int SiteId { get; set; }
    public int ChannelId { get; set; }
    public int ContentItemId { get; set; }
    public int ContentVersionId { get; set; }
    public int Round { get; set; }

    public PushState State { get; set; }

    /// <summary>The next step to take (see PushSteps).</summary>
    public string Step { get; set; } = "";

    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptUtc { get; set; }
    public string? LastError { get; set; }

    /// <summary>Set while a node works on the push, so two nodes never take the same step at once.</summary>
    public DateTimeOffset? LeaseUntilUtc { get; set; }

    /// <summary>JSON {original src: platform URL} of body images already re-hosted (WeChat).</summary>
    public string ImageMap { get; set; } = "{}";

    public string? CoverMediaId { get; set; }
    public string? DraftMediaId { get; set; }

    /// <summary>When a call that publishes was sent: if its answer was lost, the platform is asked before sending again.</summary>
    public DateTimeOffset? PublishSentUtc { get; set; }

    public string? PublishId { get; set; }
    public string? PlatformPostId { get; set; }
    public string? PostUrl { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset UpdatedUtc { get; set; }
    public DateTimeOffset? CompletedUtc { get; set; }
}
