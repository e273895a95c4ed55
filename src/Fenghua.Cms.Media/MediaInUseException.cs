using Fenghua.Cms.Data.Media;

namespace Fenghua.Cms.Media;

/// <summary>
/// A delete refused because content still links to the file: deleting it would leave a published page with a
/// broken attachment or image. The references are listed so the person can remove the links first.
/// </summary>
public sealed class MediaInUseException(MediaFile file, IReadOnlyList<MediaReference> references)
    : Exception($"文件“{file.OriginalName}”正被 {references.Count} 篇稿件引用（{string.Join("、", references.Take(5).Select(r => $"{r.SiteName} 稿件 {r.ItemId}《{r.Title}》"))}{(references.Count > 5 ? " 等" : "")}），不能删除；请先在这些稿件中移除对它的链接。")
{
    public MediaFile File { get; } = file;
    public IReadOnlyList<MediaReference> References { get; } = references;
}
