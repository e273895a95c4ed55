using Fenghua.Cms.Data.Syndication;

namespace Fenghua.Cms.Syndication.Sharing;

/// <summary>A submission as both sides see it.</summary>
public sealed record ShareView(
    int Id, int SourceItemId, string ItemTitle, string SourceSite, string SourceSiteName, string TargetSite, string ColumnPath, string ColumnName,
    ShareState State, string SubmittedBy, DateTimeOffset SubmittedUtc, string? DecidedBy, DateTimeOffset? DecidedUtc, string Comment);
