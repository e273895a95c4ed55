using System.Text;
using System.Text.RegularExpressions;

namespace Fenghua.Cms.Data.Gazette;

/// <summary>
/// Imported bodies are plain text (paragraphs separated by a blank line). Stored as Markdown they must
/// render as the same text, so characters Markdown would read as markup are escaped.
/// </summary>
public static partial class PlainTextMarkdown
{
    public static string FromPlainText(string text)
    {
        var sb = new StringBuilder(text.Length + text.Length / 20);
        foreach (var rawLine in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = Inline().Replace(rawLine.TrimEnd(), @"\$0");
            // Block markers at the start of a line: headings, quotes, lists, numbered lists, rules.
            line = line.TrimStart(' ', '\t');
            if (NumberedStart().Match(line) is { Success: true } n) line = line[..(n.Length - 1)] + "\\" + line[(n.Length - 1)..];
            else if (BlockStart().IsMatch(line)) line = "\\" + line;
            sb.Append(line).Append('\n');
        }
        return sb.ToString().TrimEnd('\n');
    }

    [GeneratedRegex(@"[\\`*_\[\]<>|~]")]
    private static partial Regex Inline();

    [GeneratedRegex(@"^[#>+=-]")]
    private static partial Regex BlockStart();

    [GeneratedRegex(@"^\d{1,9}[.)]")]
    private static partial Regex NumberedStart();
}
