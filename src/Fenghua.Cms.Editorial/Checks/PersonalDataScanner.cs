using System.Text;
using System.Text.RegularExpressions;

namespace Fenghua.Cms.Editorial.Checks;

/// <summary>
/// Finds personal data to de-identify (去标识化): resident ID numbers (18 digits with a valid check digit),
/// mainland mobile numbers, bank card numbers passing Luhn, e-mail addresses; and masks them.
/// </summary>
public static partial class PersonalDataScanner
{
    public sealed record Match(string Kind, int Offset, int Length, string Value, string Masked);

    public static IReadOnlyList<Match> Scan(string text)
    {
        var found = new List<Match>();
        foreach (System.Text.RegularExpressions.Match m in ResidentIdPattern().Matches(text))
            if (IsResidentId(m.Value)) found.Add(new(CheckKinds.ResidentId, m.Index, m.Length, m.Value, MaskMiddle(m.Value, 4, 4)));
        foreach (System.Text.RegularExpressions.Match m in CardPattern().Matches(text))
        {
            var digits = Digits(m.Value);
            if (digits.Length is >= 16 and <= 19 && Luhn(digits) && !Overlaps(found, m.Index, m.Length))
                found.Add(new(CheckKinds.BankCard, m.Index, m.Length, m.Value, MaskMiddle(m.Value, 4, 4)));
        }
        foreach (System.Text.RegularExpressions.Match m in MobilePattern().Matches(text))
            if (!Overlaps(found, m.Index, m.Length))
                found.Add(new(CheckKinds.Mobile, m.Index, m.Length, m.Value, MaskMiddle(m.Value, 3, 4)));
        foreach (System.Text.RegularExpressions.Match m in EmailPattern().Matches(text))
            if (!Overlaps(found, m.Index, m.Length))
            {
                var at = m.Value.IndexOf('@');
                found.Add(new(CheckKinds.Email, m.Index, m.Length, m.Value, m.Value[0] + new string('*', Math.Max(1, at - 1)) + m.Value[at..]));
            }
        return found.OrderBy(f => f.Offset).ToList();
    }

    /// <summary>Replaces every finding with its masked form; in Markdown the stars are escaped so they are not read as emphasis.</summary>
    public static string Mask(string text, bool markdown = false)
    {
        var sb = new StringBuilder(text);
        foreach (var m in Scan(text).OrderByDescending(m => m.Offset))
        {
            sb.Remove(m.Offset, m.Length);
            sb.Insert(m.Offset, markdown ? m.Masked.Replace("*", "\\*") : m.Masked);
        }
        return sb.ToString();
    }

    public static bool IsResidentId(string s)
    {
        if (s.Length != 18) return false;
        ReadOnlySpan<int> weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        const string checks = "10X98765432";
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(s[i])) return false;
            sum += (s[i] - '0') * weights[i];
        }
        if (char.ToUpperInvariant(s[17]) != checks[sum % 11]) return false;
        // Birth date must be a real date (rules out long order or account numbers that happen to pass).
        return DateOnly.TryParseExact(s.Substring(6, 8), "yyyyMMdd", out var birth) && birth.Year >= 1900;
    }

    public static bool Luhn(string digits)
    {
        var sum = 0;
        var odd = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (odd) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
            odd = !odd;
        }
        return sum % 10 == 0;
    }

    /// <summary>Keeps the first and last characters that are digits/letters and stars the rest, leaving separators as typed.</summary>
    private static string MaskMiddle(string value, int keepStart, int keepEnd)
    {
        var positions = Enumerable.Range(0, value.Length).Where(i => char.IsAsciiLetterOrDigit(value[i])).ToList();
        var chars = value.ToCharArray();
        for (var k = keepStart; k < positions.Count - keepEnd; k++) chars[positions[k]] = '*';
        return new string(chars);
    }

    private static string Digits(string s) => new(s.Where(char.IsAsciiDigit).ToArray());

    private static bool Overlaps(List<Match> found, int offset, int length) =>
        found.Any(f => offset < f.Offset + f.Length && f.Offset < offset + length);

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")] private static partial Regex ResidentIdPattern();
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?(?![0-9A-Za-z])")] private static partial Regex CardPattern();
    [GeneratedRegex(@"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")] private static partial Regex MobilePattern();
    [GeneratedRegex(@"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")] private static partial Regex EmailPattern();
}
