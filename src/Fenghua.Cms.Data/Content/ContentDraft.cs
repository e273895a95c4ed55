using System.Text.Json.Nodes;

namespace Fenghua.Cms.Data.Content;

/// <summary>What an editor (or a recipe) hands in to create an item.</summary>
public sealed record ContentDraft(int SiteId, string ContentType, JsonObject Parts)
{
    public int? ColumnId { get; init; }
    public string? Slug { get; init; }
}
