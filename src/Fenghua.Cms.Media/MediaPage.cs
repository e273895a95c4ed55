using Fenghua.Cms.Data.Media;

namespace Fenghua.Cms.Media;

public sealed record MediaPage(IReadOnlyList<MediaFile> Items, int Total, int Page, int PageSize);
