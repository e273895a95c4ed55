using Fenghua.Cms.Data.Media;

namespace Fenghua.Cms.Media;

/// <summary>
/// A search of a site's library: words in the name or alternative text, a folder, a kind (or any of several
/// kinds, as the admin's 图片/文档/压缩包 filter asks), a page.
/// </summary>
public sealed record MediaQuery(string? Text = null, string? Folder = null, MediaKind? Kind = null, int Page = 1, int PageSize = 50,
    IReadOnlyCollection<MediaKind>? Kinds = null)
{
    public const int MaxPageSize = 200;
}
