using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Util;

namespace Fenghua.Cms.Search;

/// <summary>
/// SmartCn (HMMChineseTokenizer: word segmentation, lower case, full-width folding, punctuation
/// removed without position gaps) plus the government-term dictionary (<see cref="GovTermFilter"/>).
/// Use one instance for indexing and one in query mode for parsing queries; both must use the
/// same dictionary.
/// </summary>
public sealed class GovAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly GovTermDictionary _dictionary;
    private readonly bool _queryMode;

    public GovAnalyzer(GovTermDictionary dictionary, bool queryMode)
    {
        _dictionary = dictionary;
        _queryMode = queryMode;
    }

    public GovTermDictionary Dictionary => _dictionary;
    public bool QueryMode => _queryMode;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var holder = new TextHolder { Text = reader.ReadToEnd() };
        var tokenizer = new HMMChineseTokenizer(new StringReader(holder.Text));
        TokenStream stream = tokenizer;
        if (_dictionary.Count > 0) stream = new GovTermFilter(stream, _dictionary, _queryMode, () => holder.Text);
        stream = new PunctuationFilter(stream);
        return new Components(tokenizer, stream, holder);
    }

    /// <summary>The dictionary filter needs the raw text; the tokenizer gets it from a string copy.</summary>
    private sealed class TextHolder
    {
        public string Text = "";
    }

    private sealed class Components(Tokenizer source, TokenStream sink, TextHolder holder)
        : TokenStreamComponents(source, sink)
    {
        protected override void SetReader(TextReader reader)
        {
            holder.Text = reader.ReadToEnd();
            base.SetReader(new StringReader(holder.Text));
        }
    }
}
