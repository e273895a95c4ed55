using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Fenghua.Cms.Search;

/// <summary>
/// Adds dictionary terms to the SmartCn token stream. Index mode keeps every SmartCn token
/// and stacks the canonical term (position increment 0) on the first token of each
/// occurrence, so both the unit and its fragments are searchable. Query mode replaces the
/// tokens covered by an occurrence with the single canonical term, so the query asks for
/// the unit (and a synonym's canonical form) rather than for common fragments like 一 or 次.
/// </summary>
internal sealed class GovTermFilter : TokenFilter
{
    private readonly GovTermDictionary _dictionary;
    private readonly bool _queryMode;
    private readonly Func<string> _text;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _posInc;
    private readonly ITypeAttribute _type;

    private List<GovTermDictionary.Match> _matches = [];
    private int _next;            // next match not yet attached / passed
    private readonly Queue<GovTermDictionary.Match> _pending = new();
    private readonly HashSet<int> _emitted = [];

    public GovTermFilter(TokenStream input, GovTermDictionary dictionary, bool queryMode, Func<string> text)
        : base(input)
    {
        _dictionary = dictionary;
        _queryMode = queryMode;
        _text = text;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _posInc = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override void Reset()
    {
        base.Reset();
        var matches = _dictionary.FindAll(_text(), _queryMode);
        // Several variants can map to the same canonical term at one place (12345, 12345热线).
        _matches = matches.DistinctBy(m => (m.Start, m.Token)).ToList();
        _next = 0;
        _pending.Clear();
        _emitted.Clear();
    }

    public sealed override bool IncrementToken()
    {
        return _queryMode ? NextQueryToken() : NextIndexToken();
    }

    private bool NextIndexToken()
    {
        if (_pending.Count > 0)
        {
            var m = _pending.Dequeue();
            EmitTerm(m, 0);
            return true;
        }
        if (!m_input.IncrementToken())
        {
            // Occurrences after the last token (only possible if the tokenizer dropped the tail).
            if (_next < _matches.Count)
            {
                EmitTerm(_matches[_next++], 1);
                return true;
            }
            return false;
        }
        var end = _offset.EndOffset;
        while (_next < _matches.Count && _matches[_next].Start < end) _pending.Enqueue(_matches[_next++]);
        return true;
    }

    private bool NextQueryToken()
    {
        while (m_input.IncrementToken())
        {
            int start = _offset.StartOffset, end = _offset.EndOffset;
            while (_next < _matches.Count && _matches[_next].End <= start) _next++;
            if (_next < _matches.Count && _matches[_next].Start < end && start < _matches[_next].End)
            {
                if (_emitted.Add(_next))
                {
                    EmitTerm(_matches[_next], _posInc.PositionIncrement);
                    return true;
                }
                continue; // a fragment of an occurrence already emitted as a unit
            }
            return true;
        }
        return false;
    }

    private void EmitTerm(GovTermDictionary.Match m, int positionIncrement)
    {
        ClearAttributes();
        _term.SetEmpty().Append(m.Token);
        _offset.SetOffset(CorrectOffset(m.Start), CorrectOffset(m.End));
        _posInc.PositionIncrement = positionIncrement;
        _type.Type = "gov";
    }

    private int CorrectOffset(int offset) => offset;
}
