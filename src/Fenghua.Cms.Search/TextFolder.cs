using System.Text;

namespace Fenghua.Cms.Search;

/// <summary>
/// Folds text for literal matching (dictionary terms, exact titles, highlighting):
/// full-width ASCII → half-width, ASCII lower case, and drops whitespace, quotes and
/// the enumeration comma 、 so that “双随机、一公开” and 双随机一公开 meet. Keeps a map
/// from each folded char back to its offset in the original text.
/// </summary>
internal static class TextFolder
{
    public static bool IsDropped(char c) => c switch
    {
        ' ' or '\t' or '\r' or '\n' or '\u3000' or '\u00A0' => true,
        '、' or '“' or '”' or '‘' or '’' or '"' or '\'' or '「' or '」' or '『' or '』' or '·' or '・' => true,
        _ => false,
    };

    public static char FoldChar(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0);
        if (c is >= 'A' and <= 'Z') c = (char)(c + 32);
        return c;
    }

    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsDropped(c)) continue;
            sb.Append(FoldChar(c));
        }
        return sb.ToString();
    }

    /// <summary>Folds and returns, for each folded char, its index in <paramref name="text"/>.</summary>
    public static string Fold(string text, out int[] map)
    {
        var sb = new StringBuilder(text.Length);
        var m = new int[text.Length];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsDropped(c)) continue;
            sb.Append(FoldChar(c));
            m[n++] = i;
        }
        map = m[..n];
        return sb.ToString();
    }

    public static bool IsAsciiAlnum(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z';
}
