using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Fenghua.Cms.Search;

/// <summary>
/// The domain dictionary (embedded gov-terms.txt): folded variant → canonical token.
/// The analyzer emits the canonical token wherever a variant occurs, so a term like
/// 最多跑一次 that SmartCn cuts into single characters stays findable as one unit.
/// </summary>
public sealed class GovTermDictionary
{
    private readonly (string Variant, string Canonical)[] _entries;

    public static GovTermDictionary Empty { get; } = new([]);

    /// <summary>The dictionary shipped as the embedded resource gov-terms.txt.</summary>
    public static GovTermDictionary Default { get; } = LoadEmbedded();

    /// <summary>Content hash, stored in the index commit so a dictionary change triggers a rebuild.</summary>
    public string Hash { get; }

    public int Count => _entries.Length;

    private GovTermDictionary((string, string)[] entries)
    {
        _entries = entries;
        var text = string.Join("\n", entries.Select(e => e.Item1 + "=>" + e.Item2));
        Hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    public static GovTermDictionary Parse(string text)
    {
        var list = new List<(string, string)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            string variant, canonical;
            if (arrow >= 0)
            {
                variant = TextFolder.Fold(line[..arrow]);
                canonical = TextFolder.Fold(line[(arrow + 2)..]);
            }
            else
            {
                variant = canonical = TextFolder.Fold(line);
            }
            if (variant.Length == 0 || canonical.Length == 0) continue;
            list.Add((variant, canonical));
            // The canonical form is itself a term, so it is found wherever it is written out.
            if (variant != canonical) list.Add((canonical, canonical));
        }
        return new GovTermDictionary(list.Distinct().OrderBy(e => e.Item1, StringComparer.Ordinal).ToArray());
    }

    private static GovTermDictionary LoadEmbedded()
    {
        var asm = typeof(GovTermDictionary).Assembly;
        var name = asm.GetManifestResourceNames().Single(n => n.EndsWith("gov-terms.txt", StringComparison.Ordinal));
        using var s = asm.GetManifestResourceStream(name)!;
        using var r = new StreamReader(s, Encoding.UTF8);
        return Parse(r.ReadToEnd());
    }

    /// <summary>A dictionary hit: original-text offsets [Start, End) and the token to emit.</summary>
    internal readonly record struct Match(int Start, int End, string Token);

    /// <summary>
    /// All occurrences in <paramref name="text"/> (index time), or for queries the leftmost-longest
    /// non-overlapping ones so the query asks for the unit instead of its fragments.
    /// </summary>
    internal List<Match> FindAll(string text, bool nonOverlapping)
    {
        var result = new List<Match>();
        if (_entries.Length == 0 || text.Length == 0) return result;
        var folded = TextFolder.Fold(text, out var map);
        var raw = new List<(int S, int E, string T)>();
        foreach (var (variant, canonical) in _entries)
        {
            var from = 0;
            while (from <= folded.Length - variant.Length)
            {
                var i = folded.IndexOf(variant, from, StringComparison.Ordinal);
                if (i < 0) break;
                from = i + 1;
                var end = i + variant.Length;
                // "12345" must not match inside "123456".
                if (TextFolder.IsAsciiAlnum(variant[0]) && i > 0 && TextFolder.IsAsciiAlnum(folded[i - 1])) continue;
                if (TextFolder.IsAsciiAlnum(variant[^1]) && end < folded.Length && TextFolder.IsAsciiAlnum(folded[end])) continue;
                raw.Add((i, end, canonical));
            }
        }
        raw.Sort((a, b) => a.S != b.S ? a.S.CompareTo(b.S) : b.E.CompareTo(a.E));
        var lastEnd = -1;
        foreach (var (s, e, t) in raw)
        {
            if (nonOverlapping)
            {
                if (s < lastEnd) continue;
                lastEnd = e;
            }
            result.Add(new Match(map[s], map[e - 1] + 1, t));
        }
        return result;
    }
}
