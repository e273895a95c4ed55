namespace Fenghua.Cms.Search.Hosting;

/// <summary>Progress of a rebuild: documents indexed so far out of the published items counted at the start.</summary>
public readonly record struct RebuildProgress(int Done, int Total);
