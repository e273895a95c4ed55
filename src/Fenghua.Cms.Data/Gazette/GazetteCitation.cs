using System.Globalization;
using System.Text.RegularExpressions;
using Fenghua.Cms.Core.Documents;

namespace Fenghua.Cms.Data.Gazette;

/// <summary>
/// How readers cite the gazette: a 文号 in any common spelling, or an issue as "2018年第7期"
/// (also "2018年7期", "2018-7", full-width digits). Both resolve to lookup keys.
/// </summary>
public static partial class GazetteCitation
{
    /// <summary>The key every spelling of a 文号 shares: issuer+year+sequence when it parses, else the normalised text.</summary>
    public static string? DocumentKey(string? documentNumber)
    {
        if (string.IsNullOrWhiteSpace(documentNumber)) return null;
        if (DocumentNumber.TryParse(documentNumber, out var n)) return n.Key;
        var text = DocumentNumber.Normalize(documentNumber);
        return text.Length is > 0 and <= 60 ? text : null;
    }

    /// <summary>The 文号 as shown: canonical when it parses, else as typed.</summary>
    public static string? DocumentDisplay(string? documentNumber) =>
        string.IsNullOrWhiteSpace(documentNumber) ? null
        : DocumentNumber.TryParse(documentNumber, out var n) ? n.Canonical : documentNumber.Trim();

    public static bool TryParseIssue(string? text, out int year, out int issue)
    {
        year = issue = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = IssuePattern().Match(DocumentNumber.Normalize(text));
        if (!m.Success) return false;
        year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        issue = int.Parse(m.Groups["issue"].Value, CultureInfo.InvariantCulture);
        return year is >= 1949 and <= 2100 && issue is >= 1 and <= 999;
    }

    /// <summary>"2018年第7期（总第107期）" — how an issue is printed and cited.</summary>
    public static string IssueLabel(int year, int issue, int? total = null) =>
        total is { } t ? $"{year}年第{issue}期（总第{t}期）" : $"{year}年第{issue}期";

    [GeneratedRegex(@"^(?:政府公报)?(?<year>\d{4})(?:年第?|[-/.])(?<issue>\d{1,3})期?$")]
    private static partial Regex IssuePattern();
}
