using System.Text.Json.Nodes;

namespace Fenghua.Cms.Core.Parts;

/// <summary>A part is code: it validates and normalises its slice of a version's JSON.</summary>
public interface IContentPart
{
    string Name { get; }

    /// <summary>Checks the part's data; <paramref name="path"/> prefixes the field names in errors.</summary>
    IEnumerable<ValidationError> Validate(JsonObject data, JsonObject settings, string path);

    /// <summary>Adds derived values (e.g. the canonical 文号) without touching what the user typed.</summary>
    void Normalize(JsonObject data) { }
}
