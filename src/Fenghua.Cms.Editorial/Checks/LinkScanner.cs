using System.Text.RegularExpressions;

namespace Fenghua.Cms.Editorial.Checks;

/// <summary>Finds Markdown links and images in a body: internal link targets and images without alt text.</summary>
public static partial class LinkScanner
{
    public sealed record Link(int Offset, int Length, string Text, string Url, bool IsImage);

    public static IEnumerable<Link> Scan(string markdown)
    {
        foreach (Match m in LinkPattern().Matches(markdown))
            yield return new(m.Index, m.Length, m.Groups["text"].Value, m.Groups["url"].Value, m.Groups["bang"].Success);
    }

    /// <summary>A site-relative path ("/zwgk/x" or "/czj/zwgk/x"), not a protocol-relative or external one.</summary>
    public static bool IsInternal(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<bang>!)?\[(?<text>[^\]]*)\]\(\s*<?(?<url>[^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)")] private static partial Regex LinkPattern();
}
