using System.Text.Json.Nodes;

namespace Fenghua.Cms.Core.Parts;

/// <summary>附件: a list of {name, url} links to files in the media library or elsewhere.</summary>
public sealed class AttachmentsPart : IContentPart
{
    public const int MaxCount = 50;
    public string Name => "Attachments";

    public IEnumerable<ValidationError> Validate(JsonObject data, JsonObject settings, string path)
    {
        if (data["files"] is null) yield break;
        if (data["files"] is not JsonArray files)
        {
            yield return new($"{path}.files", "附件列表必须是数组。");
            yield break;
        }
        if (files.Count > MaxCount)
            yield return new($"{path}.files", $"附件过多：{files.Count} 个，最多 {MaxCount} 个。");
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i] is not JsonObject f || string.IsNullOrWhiteSpace(f.Str("name")) || string.IsNullOrWhiteSpace(f.Str("url")))
            {
                yield return new($"{path}.files[{i}]", "每个附件都需要名称（name）和地址（url）。");
                continue;
            }
            var url = f.Str("url")!;
            if (!url.StartsWith('/') && !url.StartsWith("https://", StringComparison.Ordinal) && !url.StartsWith("http://", StringComparison.Ordinal))
                yield return new($"{path}.files[{i}].url", $"附件地址“{url}”无效：应以 / 或 http(s):// 开头。");
        }
    }
}
