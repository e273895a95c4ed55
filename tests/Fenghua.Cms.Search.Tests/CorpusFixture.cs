namespace Fenghua.Cms.Search.Tests;

/// <summary>
/// Indexes the 912 real documents once for the whole "Corpus" collection (SmartCn is the
/// slow part); the index without the domain dictionary is built only when first asked for.
/// </summary>
public sealed class CorpusFixture : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fh-search-tests-" + Guid.NewGuid().ToString("N"));
    private readonly Lazy<SearchIndex> _plain;

    public CorpusFixture()
    {
        Documents = Corpus.Load();
        Public = Documents.Where(d => d.IsPublic).ToList();
        Index = Build(Path.Combine(_root, "gov"), useDomainTerms: true);
        _plain = new Lazy<SearchIndex>(() => Build(Path.Combine(_root, "plain"), useDomainTerms: false), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public List<SearchDocument> Documents { get; }
    public List<SearchDocument> Public { get; }
    public SearchIndex Index { get; }
    public SearchIndex PlainIndex => _plain.Value;

    private SearchIndex Build(string path, bool useDomainTerms)
    {
        var index = new SearchIndex(path, useDomainTerms);
        index.Upsert(Documents);
        index.Commit(Documents.Count);
        index.MaybeRefresh();
        return index;
    }

    public void Dispose()
    {
        Index.Dispose();
        if (_plain.IsValueCreated) _plain.Value.Dispose();
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }
}

[CollectionDefinition("Corpus")]
public sealed class CorpusCollection : ICollectionFixture<CorpusFixture>;
