namespace Fenghua.Cms.Core.Content;

/// <summary>Told after a publication change has been committed (e.g. to evict cached pages).</summary>
public interface IContentObserver
{
    Task ContentChangedAsync(ContentItem item, CancellationToken cancellationToken);
}
