using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Core.Content;

/// <summary>One version of a content item; part data is JSON keyed by part name.</summary>
public sealed class ContentVersion : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int ContentItemId { get; set; }
    public int Number { get; set; }
    public VersionState State { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Part data, e.g. {"MarkdownBody":{"markdown":"..."},"GovDocument":{...}}.</summary>
    public JsonObject Parts { get; set; } = [];

    public string Author { get; set; } = "";
    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset? PublishedUtc { get; set; }

    public JsonObject? Part(string name) => Parts[name] as JsonObject;

    public string? PartString(string part, string field) =>
        Part(part)?[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
