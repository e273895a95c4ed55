using System.Text.Json.Nodes;

namespace Fenghua.Cms.Core.Parts;

/// <summary>
/// 推送设置: the channels (ids of the site's WeChat/Weibo accounts) the item goes to once it is
/// published through review, an optional short title for WeChat (≤ 32 字), and the push round:
/// editing a published item pushes nothing again unless the editor raises the round (“再次推送”).
/// </summary>
public sealed class SyndicationPart : IContentPart
{
    public const int MaxChannels = 10;
    public const int WeChatTitleMax = 32;
    public string Name => "Syndication";

    public IEnumerable<ValidationError> Validate(JsonObject data, JsonObject settings, string path)
    {
        if (data["channels"] is { } channels)
        {
            if (channels is not JsonArray list || list.Any(c => c is not JsonValue v || !v.TryGetValue<int>(out var id) || id <= 0))
                yield return new($"{path}.channels", "推送渠道必须是渠道编号的列表。");
            else if (list.Count > MaxChannels)
                yield return new($"{path}.channels", $"推送渠道过多：{list.Count} 个，最多 {MaxChannels} 个。");
        }
        if (data["round"] is not null && data.Int("round") is not (>= 1 and <= 1000))
            yield return new($"{path}.round", "推送轮次必须是 1 到 1000 的整数。");
        if ((data.Str("shortTitle") ?? "").Length > WeChatTitleMax)
            yield return new($"{path}.shortTitle", $"推送短标题过长：{data.Str("shortTitle")!.Length} 字，最多 {WeChatTitleMax} 字。");
    }

    /// <summary>The chosen channel ids (empty when none or malformed).</summary>
    public static IReadOnlyList<int> Channels(JsonObject? data) =>
        data?["channels"] is JsonArray list ? list.OfType<JsonValue>().Select(v => v.TryGetValue<int>(out var id) ? id : 0).Where(id => id > 0).Distinct().ToList() : [];

    public static int Round(JsonObject? data) => data?.Int("round") ?? 1;
}
