using Fenghua.Cms.Core.Content;
using Microsoft.AspNetCore.OutputCaching;

namespace Fenghua.Cms.Theming.Caching;

/// <summary>
/// Evicts every cached public page when something is published or withdrawn. Pages aggregate
/// across columns and sites (home blocks, portal lists), so a precise set would be fragile;
/// publications are rare next to reads, so evicting all is cheap and always correct.
/// </summary>
public sealed class OutputCacheEvictor(IOutputCacheStore store) : IContentObserver
{
    public Task ContentChangedAsync(ContentItem item, CancellationToken ct) =>
        store.EvictByTagAsync(PublicPageCachePolicy.Tag, ct).AsTask();
}
