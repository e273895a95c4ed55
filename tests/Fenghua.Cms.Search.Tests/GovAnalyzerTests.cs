using Lucene.Net.Analysis.TokenAttributes;

namespace Fenghua.Cms.Search.Tests;

/// <summary>What the domain dictionary does to the token stream.</summary>
public sealed class GovAnalyzerTests
{
    private static List<string> Tokens(bool queryMode, string text, GovTermDictionary? dictionary = null)
    {
        using var analyzer = new GovAnalyzer(dictionary ?? GovTermDictionary.Default, queryMode);
        using var ts = analyzer.GetTokenStream("body", text);
        var term = ts.AddAttribute<ICharTermAttribute>();
        var list = new List<string>();
        ts.Reset();
        while (ts.IncrementToken()) list.Add(term.ToString());
        ts.End();
        return list;
    }

    [Theory]
    [InlineData("深化“放管服”改革", "放管服改革")]
    [InlineData("推行“双随机、一公开”监管", "双随机一公开")]
    [InlineData("打造“最多跑一次”示范市", "最多跑一次")]
    [InlineData("推进“互联网＋政务服务”", "互联网+政务服务")]
    [InlineData("优化营商环境", "营商环境")]
    [InlineData("拨打12345政务服务便民热线", "政务服务热线")]
    public void Index_mode_keeps_fragments_and_adds_the_unit(string text, string unit)
    {
        var tokens = Tokens(false, text);
        Assert.Contains(unit, tokens);
        Assert.True(tokens.Count > 1);
        Assert.DoesNotContain(unit, Tokens(false, text, GovTermDictionary.Empty));
    }

    [Theory]
    [InlineData("最多跑一次", new[] { "最多跑一次" })]
    [InlineData("双随机、一公开", new[] { "双随机一公开" })]
    [InlineData("12345", new[] { "政务服务热线" })]
    [InlineData("放管服改革", new[] { "放管服改革" })]
    public void Query_mode_asks_for_the_unit(string text, string[] expected)
    {
        Assert.Equal(expected, Tokens(true, text));
    }

    [Fact]
    public void Number_terms_need_digit_boundaries()
    {
        Assert.DoesNotContain("政务服务热线", Tokens(false, "编号123456"));
    }

    [Fact]
    public void Dictionary_file_parses_terms_and_synonyms()
    {
        var d = GovTermDictionary.Parse("# comment\n最多跑一次\n\n12345 => 政务服务热线\n");
        Assert.Equal(3, d.Count); // 最多跑一次, 12345→政务服务热线, 政务服务热线 itself
        Assert.True(GovTermDictionary.Default.Count >= 10);
        Assert.NotEqual(GovTermDictionary.Empty.Hash, GovTermDictionary.Default.Hash);
    }
}
