using Fenghua.Cms.Data.Syndication;

namespace Fenghua.Cms.Syndication.Pushes;

/// <summary>Per-item, per-channel push status as the admin and the API show it.</summary>
public sealed record PushView(
    long Id, int ContentItemId, string ItemTitle, int ChannelId, string ChannelName, ChannelKind ChannelKind, int Round,
    PushState State, string Step, int Attempts, DateTimeOffset? NextAttemptUtc, string? LastError,
    string? PlatformPostId, string? PostUrl, DateTimeOffset CreatedUtc, DateTimeOffset? CompletedUtc);
