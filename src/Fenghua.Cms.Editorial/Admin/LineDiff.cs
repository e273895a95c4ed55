namespace Fenghua.Cms.Editorial.Admin;

/// <summary>A line diff (longest common subsequence) for comparing two versions as people read them.</summary>
public static class LineDiff
{
    public enum Op { Same, Removed, Added }

    public const int MaxLines = 5000;

    public static List<(Op Op, string Line)> Compare(string a, string b)
    {
        var x = a.Replace("\r\n", "\n").Split('\n').Take(MaxLines).ToArray();
        var y = b.Replace("\r\n", "\n").Split('\n').Take(MaxLines).ToArray();
        var lcs = new int[x.Length + 1, y.Length + 1];
        for (var i = x.Length - 1; i >= 0; i--)
            for (var j = y.Length - 1; j >= 0; j--)
                lcs[i, j] = x[i] == y[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var result = new List<(Op, string)>();
        int p = 0, q = 0;
        while (p < x.Length && q < y.Length)
        {
            if (x[p] == y[q]) { result.Add((Op.Same, x[p])); p++; q++; }
            else if (lcs[p + 1, q] >= lcs[p, q + 1]) result.Add((Op.Removed, x[p++]));
            else result.Add((Op.Added, y[q++]));
        }
        while (p < x.Length) result.Add((Op.Removed, x[p++]));
        while (q < y.Length) result.Add((Op.Added, y[q++]));
        return result;
    }
}
