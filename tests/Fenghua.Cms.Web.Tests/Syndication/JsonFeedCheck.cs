using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Fenghua.Cms.Web.Tests.Syndication;

/// <summary>
/// Checks a JSON Feed against the rules of JSON Feed 1.1 (https://jsonfeed.org/version/1.1) and reports
/// it in the shape the feedparser script uses: a "bozo" flag with the first broken rule, and the entries.
/// </summary>
public static partial class JsonFeedCheck
{
    public static JsonObject Parse(string text)
    {
        var problems = new List<string>();
        JsonObject feed;
        try { feed = JsonNode.Parse(text)!.AsObject(); }
        catch (Exception e) { return Bozo("不是 JSON：" + e.Message); }
        if ((string?)feed["version"] != "https://jsonfeed.org/version/1.1") problems.Add("version 必须是 https://jsonfeed.org/version/1.1");
        if (string.IsNullOrEmpty((string?)feed["title"])) problems.Add("缺少 title");
        foreach (var key in new[] { "home_page_url", "feed_url" })
            if (feed[key] is not null && !Absolute((string?)feed[key])) problems.Add($"{key} 不是绝对网址");
        if (feed["items"] is not JsonArray items) return Bozo("缺少 items 数组");
        var entries = new JsonArray();
        var ids = new HashSet<string>();
        foreach (var node in items)
        {
            var item = node!.AsObject();
            if (item["id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id) || id.Length == 0) { problems.Add("条目缺少字符串 id"); continue; }
            if (!ids.Add(id)) problems.Add($"id 重复：{id}");
            if (item["content_html"] is null && item["content_text"] is null) problems.Add($"{id} 缺少 content_html 或 content_text");
            if (item["url"] is not null && !Absolute((string?)item["url"])) problems.Add($"{id} 的 url 不是绝对网址");
            DateTimeOffset? published = null;
            foreach (var key in new[] { "date_published", "date_modified" })
                if (item[key] is not null)
                {
                    if (!Rfc3339().IsMatch((string?)item[key] ?? "") || !DateTimeOffset.TryParse((string?)item[key], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
                        problems.Add($"{id} 的 {key} 不是 RFC 3339 时间");
                    else if (key == "date_published") published = t;
                }
            if (item["authors"] is not null && item["authors"] is not JsonArray) problems.Add($"{id} 的 authors 必须是数组");
            var u = published?.UtcDateTime;
            entries.Add(new JsonObject
            {
                ["id"] = id, ["link"] = (string?)item["url"], ["title"] = (string?)item["title"], ["summary"] = (string?)item["summary"],
                ["content"] = (string?)item["content_html"] ?? (string?)item["content_text"],
                ["author"] = (string?)item["authors"]?[0]?["name"],
                ["published_parsed"] = u is { } d ? new JsonArray(d.Year, d.Month, d.Day, d.Hour, d.Minute, d.Second) : null,
            });
        }
        return new JsonObject
        {
            ["bozo"] = problems.Count > 0 ? 1 : 0, ["error"] = problems.FirstOrDefault() ?? "", ["version"] = "json11",
            ["title"] = (string?)feed["title"], ["self"] = (string?)feed["feed_url"], ["entries"] = entries,
        };
    }

    private static bool Absolute(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https";

    private static JsonObject Bozo(string error) => new() { ["bozo"] = 1, ["error"] = error, ["entries"] = new JsonArray() };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
