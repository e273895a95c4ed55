using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fenghua.Cms.Data.Gazette;

/// <summary>Reads the fields of one corpus-shaped record (tests/data/gov-docs.README.md), refusing what cannot be imported.</summary>
internal static class GazetteRecordFields
{
    public static string? Str(JsonObject o, string field) =>
        o[field] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    /// <summary>An integer field; a present value that is not an integer is an error.</summary>
    public static int? Int(JsonObject o, string field, List<string> errors)
    {
        if (o[field] is null) return null;
        if (o[field] is JsonValue v)
        {
            if (v.TryGetValue<int>(out var i)) return i;
            if (v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var j)) return j;
        }
        errors.Add($"{field} 应为整数，实为 {o[field]!.ToJsonString()}");
        return null;
    }

    public static DateOnly? Date(JsonObject o, string field, List<string> errors)
    {
        var s = Str(o, field);
        if (s is null) return null;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add($"{field}“{s}”不是 YYYY-MM-DD 日期");
        return null;
    }

    public static JsonObject? Parse(string text, out string? error)
    {
        error = null;
        try
        {
            if (JsonNode.Parse(text) is JsonObject o) return o;
            error = "不是 JSON 对象";
        }
        catch (JsonException e)
        {
            error = "JSON 格式错误：" + e.Message;
        }
        return null;
    }
}
