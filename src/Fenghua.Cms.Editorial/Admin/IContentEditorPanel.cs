using Fenghua.Cms.Core.Content;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>
/// A feature module's panel beside the editor of an existing item (channels and sharing, the media picker).
/// Register as scoped; the panel checks its own permissions and posts its forms to its own endpoints.
/// Returns "" when it has nothing to show.
/// </summary>
public interface IContentEditorPanel
{
    /// <summary>Panels are shown in ascending order, after the review panel.</summary>
    int Order { get; }

    Task<string> RenderAsync(HttpContext http, ContentItem item, ContentVersion latest, CancellationToken ct);
}
