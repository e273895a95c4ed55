using System.Text.Json;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core;

namespace Fenghua.Cms.Syndication.Api;

/// <summary>Reads a JSON object body; a malformed body is a 400 naming "body".</summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<JsonObject> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) throw new ValidationException([new("body", $"请求体过大：最多 {MaxBytes / 1024} KB。")]);
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: ct) as JsonObject
                ?? throw new ValidationException([new("body", "请求体必须是 JSON 对象。")]);
        }
        catch (JsonException e) { throw new ValidationException([new("body", $"请求体不是有效的 JSON：{e.Message}")]); }
    }

    public static string? Str(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static int? Int(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;
}
