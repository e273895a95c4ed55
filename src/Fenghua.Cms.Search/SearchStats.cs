namespace Fenghua.Cms.Search;

/// <summary>Index health for the admin screen: document counts and the last applied change sequence.</summary>
public sealed record SearchStats(
    int Total,
    IReadOnlyDictionary<string, int> BySite,
    IReadOnlyDictionary<string, int> ByType,
    long LastAppliedSequence,
    bool NeedsRebuild);
