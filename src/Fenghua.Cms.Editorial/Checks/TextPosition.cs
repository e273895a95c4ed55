namespace Fenghua.Cms.Editorial.Checks;

/// <summary>1-based line and column of an offset, as an editor shows them.</summary>
public static class TextPosition
{
    public static (int Line, int Column) Of(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        return (line, offset - lineStart + 1);
    }

    public static string Describe(string fieldLabel, int line, int column) => $"{fieldLabel}第 {line} 行第 {column} 列";
}
