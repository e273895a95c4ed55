using System.Text.Json.Nodes;

namespace Fenghua.Cms.Core.Content;

/// <summary>A content type: data defined by recipes, a list of code parts with settings.</summary>
public sealed class ContentTypeDefinition
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public List<PartDefinition> Parts { get; set; } = [];

    public bool Has(string part) => Parts.Any(p => p.Name == part);
}

public sealed class PartDefinition
{
    public string Name { get; set; } = "";
    public JsonObject Settings { get; set; } = [];
}
