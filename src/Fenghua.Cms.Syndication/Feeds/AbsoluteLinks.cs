using System.Text.RegularExpressions;

namespace Fenghua.Cms.Syndication.Feeds;

/// <summary>Feed readers and platforms see content out of the page's context: root-relative links become absolute.</summary>
public static partial class AbsoluteLinks
{
    public static string Rewrite(string html, string root) => RootRelative().Replace(html, m => $"{m.Groups[1].Value}=\"{root}/");

    [GeneratedRegex("\\b(href|src)=\"/(?!/)")]
    private static partial Regex RootRelative();
}
