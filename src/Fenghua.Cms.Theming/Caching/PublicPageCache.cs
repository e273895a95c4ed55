using Microsoft.AspNetCore.OutputCaching;

namespace Fenghua.Cms.Theming.Caching;

/// <summary>
/// The cached public pages of this node. Changes that show on many pages at once (a site's settings or footer,
/// the column tree, a publication) drop them all: such changes are rare next to reads, and a precise set of
/// pages would be fragile.
/// </summary>
public sealed class PublicPageCache(IOutputCacheStore store)
{
    public Task EvictAllAsync(CancellationToken ct) => store.EvictByTagAsync(PublicPageCachePolicy.Tag, ct).AsTask();
}
