using Fenghua.Cms.Data.Media;

namespace Fenghua.Cms.Media;

/// <summary>
/// A folder delete refused because the folder still holds files or folders: deleting it would leave them
/// nowhere. The counts are given so the person knows how much to move first.
/// </summary>
public sealed class MediaFolderNotEmptyException(MediaFolder folder, int files, int subfolders)
    : Exception($"文件夹“{folder.Path}”不是空的：其中还有 {files} 个文件、{subfolders} 个子文件夹，不能删除；请先把它们移到别处或删除。")
{
    public MediaFolder Folder { get; } = folder;
    public int Files { get; } = files;
    public int Subfolders { get; } = subfolders;
}
