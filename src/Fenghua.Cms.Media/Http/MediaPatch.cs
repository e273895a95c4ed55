using System.Text.Json;
using Fenghua.Cms.Core;

namespace Fenghua.Cms.Media.Http;

/// <summary>
/// The body of PATCH /api/v1/media/{id}: a JSON object with any of "altText" (string), "folder" (an existing
/// folder's path; "" or null for none) and "public" (true/false). Anything else is refused naming the field,
/// so a misspelt field is not silently ignored.
/// </summary>
public static class MediaPatch
{
    public static readonly string[] Fields = ["altText", "folder", "public"];

    public static async Task<MediaFileChanges> ReadAsync(HttpContext http)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            throw Refuse("body", "请求体不是有效的 JSON；应为对象，如 {\"altText\": \"…\", \"folder\": \"通知公告/2026\", \"public\": true}。");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw Refuse("body", "请求体应为 JSON 对象，可含字段 altText、folder、public。");
            string? altText = null, folder = null;
            bool? isPublic = null;
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                switch (p.Name)
                {
                    case "altText":
                        altText = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : throw Refuse("altText", "字段 altText 应为字符串。");
                        break;
                    case "folder":
                        folder = p.Value.ValueKind switch
                        {
                            JsonValueKind.String => p.Value.GetString(),
                            JsonValueKind.Null => "",
                            _ => throw Refuse("folder", "字段 folder 应为文件夹路径字符串，或用 \"\"、null 表示不放入文件夹。"),
                        };
                        break;
                    case "public":
                        isPublic = p.Value.ValueKind switch
                        {
                            JsonValueKind.True => true,
                            JsonValueKind.False => false,
                            _ => throw Refuse("public", "字段 public 应为 true 或 false。"),
                        };
                        break;
                    default:
                        throw Refuse(p.Name, $"未知字段 {p.Name}；可修改的字段：{string.Join("、", Fields)}。");
                }
            }
            return new MediaFileChanges(altText, folder, isPublic);
        }
    }

    private static ValidationException Refuse(string field, string message) => new([new ValidationError(field, message)]);
}
