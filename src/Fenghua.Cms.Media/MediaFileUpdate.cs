using Fenghua.Cms.Data.Media;

namespace Fenghua.Cms.Media;

/// <summary>A file after an edit, with what changed as people read it ("说明：“…” → “…”"), empty when nothing did.</summary>
public sealed record MediaFileUpdate(MediaFile File, IReadOnlyList<string> Changes);
