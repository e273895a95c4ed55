using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;

namespace Fenghua.Cms.Search;

/// <summary>
/// Drops SmartCn's punctuation tokens without leaving position gaps (unlike StopFilter), so a
/// phrase typed without punctuation (深化放管服改革) matches text written with it (深化“放管服”改革).
/// </summary>
internal sealed class PunctuationFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public PunctuationFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        while (m_input.IncrementToken())
        {
            if (!SmartChineseAnalyzer.DefaultStopSet.Contains(_term.Buffer, 0, _term.Length)) return true;
        }
        return false;
    }
}
