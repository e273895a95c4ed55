using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Fenghua.Cms.Search;

/// <summary>
/// Counts facet values over all matching documents from SortedDocValues (Lucene.Net.Facet is
/// not available): per segment, counts by ordinal, then resolves ordinals to strings once.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly (string Name, string Field)[] _facets;
    private readonly Dictionary<string, int>[] _totals;
    private readonly SortedDocValues?[] _dv;
    private readonly int[]?[] _counts;

    public FacetCollector((string Name, string Field)[] facets)
    {
        _facets = facets;
        _totals = facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        _dv = new SortedDocValues?[facets.Length];
        _counts = new int[]?[facets.Length];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var i = 0; i < _facets.Length; i++)
        {
            var dv = context.AtomicReader.GetSortedDocValues(_facets[i].Field);
            _dv[i] = dv;
            _counts[i] = dv is null ? null : new int[dv.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _dv.Length; i++)
        {
            var dv = _dv[i];
            if (dv is null) continue;
            var ord = dv.GetOrd(doc);
            if (ord >= 0) _counts[i]![ord]++;
        }
    }

    private void Flush()
    {
        var scratch = new BytesRef();
        for (var i = 0; i < _dv.Length; i++)
        {
            var dv = _dv[i];
            var counts = _counts[i];
            if (dv is null || counts is null) continue;
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                dv.LookupOrd(ord, scratch);
                var key = scratch.Utf8ToString();
                _totals[i][key] = _totals[i].GetValueOrDefault(key) + counts[ord];
            }
            _dv[i] = null;
            _counts[i] = null;
        }
    }

    /// <summary>Facet name → values by count desc, then value; facets with no values are left out.</summary>
    public Dictionary<string, IReadOnlyList<FacetValue>> Result()
    {
        Flush();
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>();
        for (var i = 0; i < _facets.Length; i++)
        {
            if (_totals[i].Count == 0) continue;
            result[_facets[i].Name] = _totals[i]
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new FacetValue(kv.Key, kv.Value)).ToList();
        }
        return result;
    }
}
