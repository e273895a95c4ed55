namespace Fenghua.Cms.Editorial.Checks;

/// <summary>
/// A site's sensitive-word list: each line is a whole phrase. Matching ignores full/half width, traditional
/// vs simplified and case; a phrase that begins or ends with a Latin letter or digit must stand as a word there.
/// </summary>
public sealed class SensitiveWordMatcher
{
    private readonly List<(string Phrase, string Folded)> _phrases;

    public SensitiveWordMatcher(string list) => _phrases = Parse(list).Select(p => (p, ChineseFold.Fold(p))).ToList();

    public static IReadOnlyList<string> Parse(string list) =>
        list.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct().ToList();

    public IEnumerable<(int Offset, int Length, string Phrase)> Find(string text)
    {
        if (_phrases.Count == 0) yield break;
        var folded = ChineseFold.Fold(text);
        foreach (var (phrase, f) in _phrases)
        {
            for (var i = folded.IndexOf(f, StringComparison.Ordinal); i >= 0; i = folded.IndexOf(f, i + 1, StringComparison.Ordinal))
            {
                var startsWord = !char.IsAsciiLetterOrDigit(f[0]) || i == 0 || !char.IsAsciiLetterOrDigit(folded[i - 1]);
                var end = i + f.Length;
                var endsWord = !char.IsAsciiLetterOrDigit(f[^1]) || end == folded.Length || !char.IsAsciiLetterOrDigit(folded[end]);
                if (startsWord && endsWord) yield return (i, f.Length, phrase);
            }
        }
    }
}
