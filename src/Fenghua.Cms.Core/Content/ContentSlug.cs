using System.Text.RegularExpressions;

namespace Fenghua.Cms.Core.Content;

/// <summary>Rules for the readable last segment of a public URL.</summary>
public static partial class ContentSlug
{
    public static bool IsValid(string slug) => Pattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,79}$")]
    private static partial Regex Pattern();
}
