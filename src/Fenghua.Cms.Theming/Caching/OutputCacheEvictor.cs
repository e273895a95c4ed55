using Fenghua.Cms.Core.Content;

namespace Fenghua.Cms.Theming.Caching;

/// <summary>Drops the cached public pages when something is published or withdrawn (see <see cref="PublicPageCache"/>).</summary>
public sealed class OutputCacheEvictor(PublicPageCache cache) : IContentObserver
{
    public Task ContentChangedAsync(ContentItem item, CancellationToken ct) => cache.EvictAllAsync(ct);
}
