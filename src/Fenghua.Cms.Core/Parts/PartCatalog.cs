using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Content;

namespace Fenghua.Cms.Core.Parts;

/// <summary>The parts this build knows; recipes may only use these names.</summary>
public sealed class PartCatalog
{
    private readonly Dictionary<string, IContentPart> _parts;

    public PartCatalog(IEnumerable<IContentPart> parts) => _parts = parts.ToDictionary(p => p.Name);

    public static PartCatalog Default { get; } = new([
        new TitlePart(), new MarkdownBodyPart(), new SummaryPart(), new KeywordsPart(),
        new AttachmentsPart(), new GovDocumentPart(), new InterpretationPart(), new SyndicationPart(),
        new GazetteIssuePart(), new GazettePlacementPart(),
    ]);

    public bool Knows(string name) => _parts.ContainsKey(name);

    public IEnumerable<string> Names => _parts.Keys;

    /// <summary>Validates and normalises a version's parts against its type; returns every error found.</summary>
    public IReadOnlyList<ValidationError> Check(ContentTypeDefinition type, JsonObject parts)
    {
        var errors = new List<ValidationError>();
        foreach (var (name, node) in parts)
        {
            if (!type.Has(name))
                errors.Add(new($"parts.{name}", $"内容类型“{type.DisplayName}”没有部件 {name}。"));
            else if (node is not JsonObject)
                errors.Add(new($"parts.{name}", "部件数据必须是 JSON 对象。"));
        }
        foreach (var def in type.Parts)
        {
            if (!_parts.TryGetValue(def.Name, out var part)) continue;
            if (parts[def.Name] is not JsonObject data)
            {
                if (parts[def.Name] is not null) continue;
                data = [];
                parts[def.Name] = data;
            }
            errors.AddRange(part.Validate(data, def.Settings, $"parts.{def.Name}"));
            part.Normalize(data);
        }
        return errors;
    }
}
