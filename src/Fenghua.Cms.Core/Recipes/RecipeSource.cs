using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Fenghua.Cms.Core.Recipes;

/// <summary>
/// Finds recipes by name in the recipes folder and fills in their {{parameter}} placeholders
/// (JSON-escaped, so a parameter cannot break the document).
/// </summary>
public sealed partial class RecipeSource(string folder)
{
    public string Folder { get; } = folder;

    public string PathOf(string name) =>
        name.EndsWith(".json", StringComparison.Ordinal) && File.Exists(name) ? Path.GetFullPath(name)
        : Path.Combine(Folder, name.EndsWith(".recipe.json", StringComparison.Ordinal) ? name : name + ".recipe.json");

    public bool Exists(string name) => File.Exists(PathOf(name));

    public JsonObject Load(string name, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var path = PathOf(name);
        if (!File.Exists(path)) throw new RecipeException(name, -1, "加载", "$", $"找不到配方文件 {path}。");
        var text = File.ReadAllText(path);
        var missing = new List<string>();
        text = Placeholder().Replace(text, m =>
        {
            var key = m.Groups[1].Value;
            if (parameters is not null && parameters.TryGetValue(key, out var value))
                return JsonEncodedText.Encode(value, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
            missing.Add(key);
            return m.Value;
        });
        if (missing.Count > 0)
            throw new RecipeException(name, -1, "参数", "$", $"缺少参数：{string.Join("、", missing.Distinct())}。");
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new RecipeException(name, -1, "解析", "$", "配方必须是 JSON 对象。");
        }
        catch (JsonException e)
        {
            throw new RecipeException(name, -1, "解析", $"$ (第 {e.LineNumber + 1} 行)", $"JSON 格式错误：{e.Message}");
        }
    }

    /// <summary>Reads a file that a recipe refers to (sample bodies), relative to the recipes folder.</summary>
    public string? ReadContentFile(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(Folder, relative));
        if (!full.StartsWith(Path.GetFullPath(Folder), StringComparison.Ordinal) || !File.Exists(full)) return null;
        return File.ReadAllText(full);
    }

    [GeneratedRegex(@"\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
