using Fenghua.Cms.Core;

namespace Fenghua.Cms.Media;

/// <summary>Folder paths as people type them ("通知公告 / 2026/") made canonical ("通知公告/2026"), or refused with a reason.</summary>
public static class MediaFolderPath
{
    public const int MaxDepth = 5;
    public const int MaxSegmentLength = 50;

    /// <summary>The stored column's length: five full segments would not fit.</summary>
    public const int MaxLength = 200;

    public static string? Normalize(string? typed, string field = "folder")
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var segments = typed.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (segments.Length == 0) return null;
        if (segments.Length > MaxDepth)
            throw Refuse(field, typed, $"最多 {MaxDepth} 层");
        foreach (var s in segments)
        {
            if (s.Length > MaxSegmentLength) throw Refuse(field, typed, $"每层名称不能超过 {MaxSegmentLength} 个字符");
            if (s is "." or ".." || s.Any(c => char.IsControl(c) || c is '\\' or '<' or '>' or '"' or '|' or '?' or '*' or ':'))
                throw Refuse(field, typed, "名称中不能含有 \\ < > \" | ? * : 或控制字符");
        }
        var path = string.Join('/', segments);
        if (path.Length > MaxLength) throw Refuse(field, typed, $"整个路径不能超过 {MaxLength} 个字符");
        return path;
    }

    private static ValidationException Refuse(string field, string typed, string why) =>
        new([new ValidationError(field, $"文件夹“{typed}”无效：{why}。")]);
}
