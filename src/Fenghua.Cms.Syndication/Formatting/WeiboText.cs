namespace Fenghua.Cms.Syndication.Formatting;

/// <summary>
/// The status text: 【标题】summary… then the article URL on the safe domain, within 140 characters as
/// Weibo counts them (a full-width character is 1, two half-width characters are 1).
/// </summary>
public static class WeiboText
{
    public const int MaxLength = 140;

    public static string Compose(string title, string summary, string url)
    {
        var tail = " " + url;
        var head = $"【{title}】{summary}".Replace('\n', ' ').Trim();
        if (Length(head + tail) <= MaxLength) return head + tail;
        var budget = MaxLength - Length(tail) - 1; // 1 for the ellipsis
        var cut = 0;
        double used = 0;
        while (cut < head.Length && used + Weight(head[cut]) <= budget) used += Weight(head[cut++]);
        return head[..cut].TrimEnd() + "…" + tail;
    }

    public static int Length(string s) => (int)Math.Ceiling(s.Sum(Weight));

    private static double Weight(char c) => c < 128 ? 0.5 : 1;
}
