using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Parts;

namespace Fenghua.Cms.Editorial.Api;

/// <summary>Reads an API request body as a JSON object, turning every mistake into a ValidationException naming the field.</summary>
public static class ApiRequest
{
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    public static async Task<JsonObject> BodyAsync(HttpContext http, bool required = true)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
            throw new ValidationException([new("body", $"请求体过大：最多 {MaxBodyBytes / 1024 / 1024} MB。")]);
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) throw new ValidationException([new("body", "请求体不能为空，应为 JSON 对象。")]);
            return [];
        }
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new ValidationException([new("body", "请求体应为 JSON 对象。")]);
        }
        catch (JsonException e)
        {
            throw new ValidationException([new("body", $"请求体不是有效的 JSON：{e.Message}")]);
        }
    }

    public static string? String(JsonObject body, string field)
    {
        if (body[field] is null) return null;
        return body[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new ValidationException([new(field, $"{field} 应为字符串。")]);
    }

    public static int? Int(JsonObject body, string field)
    {
        if (body[field] is null) return null;
        return body.Int(field) ?? throw new ValidationException([new(field, $"{field} 应为整数。")]);
    }

    public static bool Bool(JsonObject body, string field) => body[field] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public static JsonObject Object(JsonObject body, string field) =>
        body[field] as JsonObject ?? throw new ValidationException([new(field, $"缺少 {field}，或 {field} 不是 JSON 对象。")]);

    /// <summary>A Beijing-time moment "yyyy-MM-dd HH:mm" (or ISO 8601 with an offset).</summary>
    public static DateTimeOffset? Time(JsonObject body, string field)
    {
        var s = String(body, field);
        if (string.IsNullOrWhiteSpace(s)) return null;
        return ParseLocalTime(s) ?? throw new ValidationException([new(field, $"时间“{s}”无效：应为北京时间 YYYY-MM-DD HH:MM。")]);
    }

    public static DateTimeOffset? ParseLocalTime(string s)
    {
        s = s.Trim().Replace('T', ' ');
        if (DateTime.TryParseExact(s, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new DateTimeOffset(local, ShanghaiTime.Offset).ToUniversalTime();
        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) && s.Length > 19 ? t.ToUniversalTime() : null;
    }

    public static Actor Actor(HttpContext http) =>
        new(http.User.Identity?.Name ?? "anonymous", http.Connection.RemoteIpAddress?.ToString());
}
