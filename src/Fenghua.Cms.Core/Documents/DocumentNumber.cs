using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Fenghua.Cms.Core.Documents;

/// <summary>
/// 发文字号 per GB/T 9704-2012 §7.2.4: issuer code + year in 〔〕 + sequence + 号,
/// e.g. 奉政办发〔2018〕42号. Parses the spellings found in real text
/// ([2018], ［2018］, (2018), （2018）, full-width digits, leading zeros) and
/// prints the canonical form. Text that is not a document number is kept as typed.
/// </summary>
public sealed partial record DocumentNumber(string IssuerCode, int Year, int Sequence)
{
    public string Canonical => $"{IssuerCode}〔{Year}〕{Sequence}号";

    /// <summary>A compact key for exact lookups: issuer code, year and sequence without brackets.</summary>
    public string Key => $"{IssuerCode}{Year}-{Sequence}";

    public override string ToString() => Canonical;

    public static bool TryParse(string? text, out DocumentNumber number)
    {
        number = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = Pattern().Match(Normalize(text));
        if (!m.Success) return false;
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 1949 || year > 2100) return false;
        if (!int.TryParse(m.Groups["seq"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || seq <= 0) return false;
        number = new DocumentNumber(m.Groups["issuer"].Value, year, seq);
        return true;
    }

    /// <summary>
    /// Folds full-width ASCII to half-width, maps every bracket spelling to 〔〕,
    /// and drops spaces and a stray 第, so every spelling meets the same pattern.
    /// </summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            var ch = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            switch (ch)
            {
                case '[': case '(': case '【': case '〔': case '［': case '（': case '﹝': case '〖': sb.Append('〔'); break;
                case ']': case ')': case '】': case '〕': case '］': case '）': case '﹞': case '〗': sb.Append('〕'); break;
                case ' ': case '\u3000': case '\t': break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"^(?<issuer>[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,30}?)〔(?<year>\d{4})〕第?(?<seq>\d{1,6})号$")]
    private static partial Regex Pattern();
}
