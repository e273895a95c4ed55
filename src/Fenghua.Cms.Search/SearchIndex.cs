using System.Globalization;
using Fenghua.Cms.Core.Documents;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Fenghua.Cms.Search;

/// <summary>
/// One Lucene index per node (all sites, filtered by site). One IndexWriter for the lifetime
/// of the object and a SearcherManager over it for near-real-time search: writes become
/// visible after <see cref="MaybeRefresh"/>, durable after <see cref="Commit"/> (batched by the
/// caller, which stores its change-log sequence in the commit). Thread-safe: any number of
/// concurrent searches while writes go on. Uncommitted changes are discarded on Dispose, so
/// the on-disk index always matches <see cref="LastAppliedSequence"/>.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string SequenceKey = "sequence";
    private const string SchemaKey = "schema";
    private const string TermsKey = "terms";

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _manager;
    private readonly GovAnalyzer _queryAnalyzer;
    private readonly QueryTranslator _translator;
    private readonly GovTermDictionary _dictionary;
    private readonly object _commitLock = new();
    private long _lastAppliedSequence;
    private volatile bool _needsRebuild;
    private int _disposed;

    /// <param name="path">Index directory (the host uses App_Data/search); created if missing.</param>
    /// <param name="useDomainTerms">False indexes and searches with plain SmartCn (for comparison).</param>
    public SearchIndex(string path, bool useDomainTerms = true)
    {
        System.IO.Directory.CreateDirectory(path);
        _dictionary = useDomainTerms ? GovTermDictionary.Default : GovTermDictionary.Empty;
        _queryAnalyzer = new GovAnalyzer(_dictionary, queryMode: true);
        _translator = new QueryTranslator(_queryAnalyzer);
        _directory = FSDirectory.Open(path);
        try
        {
            // Probe the write lock before inspecting: wiping a "missing" index that another
            // process is building right now would delete its uncommitted segments.
            using var probe = _directory.MakeLock(IndexWriter.WRITE_LOCK_NAME);
            if (!probe.Obtain()) throw new LockObtainFailedException($"Index locked for write: {path}");
        }
        catch
        {
            _directory.Dispose();
            throw;
        }

        var state = Inspect(out var sequence, out var reason);
        if (state == IndexState.Unusable)
        {
            // Corrupt, missing or from another schema: start empty; the host rebuilds from the store.
            WipeIndexFiles(path);
            sequence = 0;
        }
        NeedsRebuildReason = reason;
        _needsRebuild = state != IndexState.Ok;
        try
        {
            _writer = OpenWriter(state == IndexState.Unusable ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND);
            _manager = new SearcherManager(_writer, true, null);
        }
        catch (LockObtainFailedException)
        {
            _directory.Dispose();
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Segments that looked fine on open but fail when the writer loads them.
            _writer?.Dispose();
            WipeIndexFiles(path);
            _needsRebuild = true;
            NeedsRebuildReason = "unreadable index: " + e.GetType().Name;
            sequence = 0;
            _writer = OpenWriter(OpenMode.CREATE);
            _manager = new SearcherManager(_writer, true, null);
        }
        _lastAppliedSequence = sequence;
    }

    /// <summary>True when the index was missing, corrupt or built with another schema or dictionary; cleared by the next Commit.</summary>
    public bool NeedsRebuild => _needsRebuild;

    /// <summary>Why a rebuild is needed (for the log), or null.</summary>
    public string? NeedsRebuildReason { get; private set; }

    /// <summary>The change-log sequence stored with the last commit (0 for a new index).</summary>
    public long LastAppliedSequence => Interlocked.Read(ref _lastAppliedSequence);

    private enum IndexState { Ok, Stale, Unusable }

    private IndexState Inspect(out long sequence, out string? reason)
    {
        sequence = 0;
        reason = null;
        try
        {
            if (!DirectoryReader.IndexExists(_directory))
            {
                reason = "no index";
                return IndexState.Unusable;
            }
            // Opening a reader loads every segment's header: garbage in segment files fails here.
            using var reader = DirectoryReader.Open(_directory);
            var data = reader.IndexCommit.UserData;
            if (!data.TryGetValue(SchemaKey, out var schema) || schema != SearchFields.SchemaVersion)
            {
                reason = "index schema changed";
                return IndexState.Unusable;
            }
            sequence = data.TryGetValue(SequenceKey, out var s) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            if (!data.TryGetValue(TermsKey, out var terms) || terms != _dictionary.Hash)
            {
                reason = "domain dictionary changed";
                return IndexState.Stale;
            }
            return IndexState.Ok;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            reason = "unreadable index: " + e.GetType().Name;
            return IndexState.Unusable;
        }
    }

    /// <summary>Deletes Lucene's files only (segments*, _*), never other files in the folder.</summary>
    private static void WipeIndexFiles(string path)
    {
        foreach (var f in System.IO.Directory.EnumerateFiles(path))
        {
            var name = Path.GetFileName(f);
            if (name.StartsWith("segments", StringComparison.Ordinal) || name.StartsWith('_'))
            {
                try { File.Delete(f); } catch (IOException) { /* CREATE mode overwrites what remains */ }
            }
        }
    }

    private IndexWriter OpenWriter(OpenMode mode)
    {
        var config = new IndexWriterConfig(GovAnalyzer.Version, new GovAnalyzer(_dictionary, queryMode: false))
        {
            OpenMode = mode,
            RAMBufferSizeMB = 64,
        };
        return new IndexWriter(_directory, config);
    }

    /// <summary>Adds or replaces documents by id; non-public ones are removed instead. Visible after MaybeRefresh.</summary>
    public void Upsert(IEnumerable<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var d in documents)
        {
            var idTerm = new Term(SearchFields.Id, d.Id);
            if (!d.IsPublic) _writer.DeleteDocuments(idTerm);
            else _writer.UpdateDocument(idTerm, ToLucene(d));
        }
    }

    public void Delete(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var terms = ids.Select(id => new Term(SearchFields.Id, id)).ToArray();
        if (terms.Length > 0) _writer.DeleteDocuments(terms);
    }

    public void DeleteSite(string siteKey) => _writer.DeleteDocuments(new Term(SearchFields.Site, siteKey));

    /// <summary>Makes all changes durable together with the caller's change-log sequence. Call per batch, never per document.</summary>
    public void Commit(long lastAppliedSequence)
    {
        lock (_commitLock)
        {
            _writer.SetCommitData(new Dictionary<string, string>
            {
                [SequenceKey] = lastAppliedSequence.ToString(CultureInfo.InvariantCulture),
                [SchemaKey] = SearchFields.SchemaVersion,
                [TermsKey] = _dictionary.Hash,
            });
            _writer.Commit();
            Interlocked.Exchange(ref _lastAppliedSequence, lastAppliedSequence);
            _needsRebuild = false;
            NeedsRebuildReason = null;
        }
    }

    /// <summary>Reopens the searcher if there were changes (near-real-time, cheap when nothing changed).</summary>
    public bool MaybeRefresh() => _manager.MaybeRefresh();

    /// <summary>
    /// Deletes every document without committing or refreshing: searches keep seeing the old
    /// documents until the rebuild that follows commits and refreshes (Dispose discards it).
    /// </summary>
    public void DeleteAll() => _writer.DeleteAll();

    /// <summary>Deletes every document and commits sequence 0 (start of a full rebuild).</summary>
    public void Clear()
    {
        _writer.DeleteAll();
        Commit(0);
        _manager.MaybeRefresh();
    }

    public SearchStats Stats()
    {
        var s = _manager.Acquire();
        try
        {
            return StatsOf(s, LastAppliedSequence, NeedsRebuild);
        }
        finally
        {
            _manager.Release(s);
        }
    }

    /// <summary>
    /// Counts of the last commit in <paramref name="path"/>, read without the write lock, so the CLI
    /// can report while the web host owns the index. A missing or unreadable index reports NeedsRebuild.
    /// </summary>
    public static SearchStats ReadCommittedStats(string path)
    {
        var empty = new SearchStats(0, new Dictionary<string, int>(), new Dictionary<string, int>(), 0, true);
        if (!System.IO.Directory.Exists(path)) return empty;
        using var dir = FSDirectory.Open(path);
        try
        {
            if (!DirectoryReader.IndexExists(dir)) return empty;
            using var reader = DirectoryReader.Open(dir);
            var data = reader.IndexCommit.UserData;
            var sequence = data.TryGetValue(SequenceKey, out var v) && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            var current = data.TryGetValue(SchemaKey, out var schema) && schema == SearchFields.SchemaVersion
                && data.TryGetValue(TermsKey, out var terms) && terms == GovTermDictionary.Default.Hash;
            return StatsOf(new IndexSearcher(reader), sequence, !current);
        }
        catch (IOException)
        {
            return empty;
        }
    }

    private static SearchStats StatsOf(IndexSearcher s, long sequence, bool needsRebuild)
    {
        var facets = new FacetCollector([("site", SearchFields.FacetSite), ("type", SearchFields.FacetType)]);
        s.Search(new MatchAllDocsQuery(), facets);
        var r = facets.Result();
        static IReadOnlyDictionary<string, int> Dict(Dictionary<string, IReadOnlyList<FacetValue>> r, string k) =>
            r.TryGetValue(k, out var v) ? v.ToDictionary(x => x.Value, x => x.Count) : new Dictionary<string, int>();
        return new SearchStats(s.IndexReader.NumDocs, Dict(r, "site"), Dict(r, "type"), sequence, needsRebuild);
    }

    /// <summary>Runs a query. Throws ArgumentException only for parameters that <see cref="SearchQuery.Validate"/> rejects.</summary>
    public SearchResult Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (SearchQuery.Validate(query) is { } error) throw new ArgumentException($"{error.Parameter}: {error.Rule}", error.Parameter);

        var searcher = _manager.Acquire();
        try
        {
            var built = _translator.Build(query.Text);
            var filter = QueryTranslator.BuildFilter(query);
            var lucene = Filtered(built.Query, filter);

            var window = query.Page * query.PerPage;
            var collector = TopFieldCollector.Create(SortFor(query.Sort), window, false, true, false, false);
            var facets = query.WithFacets ? new FacetCollector(SearchFields.Facets) : null;
            try
            {
                searcher.Search(lucene, facets is null ? collector : MultiCollector.Wrap(collector, facets));
            }
            catch (BooleanQuery.TooManyClausesException)
            {
                // A wildcard that expands too far: search the words literally instead.
                built = _translator.Build(QueryTextAsWords(query.Text));
                lucene = Filtered(built.Query, filter);
                collector = TopFieldCollector.Create(SortFor(query.Sort), window, false, true, false, false);
                facets = query.WithFacets ? new FacetCollector(SearchFields.Facets) : null;
                searcher.Search(lucene, facets is null ? collector : MultiCollector.Wrap(collector, facets));
            }

            var total = collector.TotalHits;
            var top = collector.GetTopDocs((query.Page - 1) * query.PerPage, query.PerPage);
            var terms = query.WithHighlights ? HighlightTerms(searcher, built.TextQuery, query.Text) : [];
            var hits = top.ScoreDocs.Select(sd => ToHit(searcher.Doc(sd.Doc), sd.Score, terms)).ToList();

            string? suggestion = null;
            int? withoutFilters = null;
            if (total == 0 && !string.IsNullOrWhiteSpace(query.Text))
            {
                if (filter is not null) withoutFilters = Count(searcher, built.Query);
                suggestion = Suggest(searcher, query.Text!, filter);
            }

            return new SearchResult
            {
                Total = total,
                Hits = hits,
                Facets = facets?.Result() ?? new Dictionary<string, IReadOnlyList<FacetValue>>(),
                Suggestion = suggestion,
                TotalWithoutFilters = withoutFilters,
                ParsedAsPlainWords = built.PlainWords,
            };
        }
        finally
        {
            _manager.Release(searcher);
        }
    }

    private static string QueryTextAsWords(string? text) =>
        new((text ?? "").Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray());

    private static Query Filtered(Query q, Query? filter) =>
        filter is null ? q : new FilteredQuery(q, new QueryWrapperFilter(filter));

    private static Sort SortFor(SearchSort sort) => sort switch
    {
        // Equal scores: newer first.
        SearchSort.Relevance => new Sort(SortField.FIELD_SCORE, new SortField(SearchFields.PublishedSort, SortFieldType.INT64, true)),
        SearchSort.Newest => new Sort(new SortField(SearchFields.PublishedSort, SortFieldType.INT64, true), SortField.FIELD_SCORE),
        SearchSort.Oldest => new Sort(new SortField(SearchFields.PublishedSort, SortFieldType.INT64, false), SortField.FIELD_SCORE),
        _ => throw new ArgumentOutOfRangeException(nameof(sort)),
    };

    private static int Count(IndexSearcher searcher, Query q)
    {
        var c = new TotalHitCountCollector();
        searcher.Search(q, c);
        return c.TotalHits;
    }

    /// <summary>Terms of the text query on title/body, for marking; a rewrite expands wildcards (bounded).</summary>
    private static string[] HighlightTerms(IndexSearcher searcher, Query? textQuery, string? text)
    {
        var terms = new List<string>();
        if (textQuery is not null)
        {
            try
            {
                var set = new HashSet<Term>();
                searcher.Rewrite(textQuery).ExtractTerms(set);
                terms.AddRange(set.Where(t => t.Field is SearchFields.Title or SearchFields.Body).Select(t => t.Text).Take(64));
            }
            catch (Exception e) when (e is NotSupportedException or BooleanQuery.TooManyClausesException or InvalidOperationException)
            {
                // highlighting is best effort
            }
        }
        if (!string.IsNullOrWhiteSpace(text) && DocumentNumber.TryParse(text, out var n)) terms.Add(n.Canonical);
        return SnippetBuilder.UsefulTerms(terms);
    }

    /// <summary>
    /// "Did you mean": each word of the query replaced by the most frequent title/body term at most one
    /// or two edits away; returned only if the corrected query really has results under the same filters.
    /// </summary>
    private string? Suggest(IndexSearcher searcher, string text, Query? filter)
    {
        var words = text.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 6) return null;
        var changed = false;
        for (var i = 0; i < words.Length; i++)
        {
            var w = TextFolder.Fold(words[i]);
            if (w.Length is < 2 or > 12 || w.Any(c => !char.IsLetterOrDigit(c))) continue;
            if (Count(searcher, _translator.Build(w).Query) > 0) continue;
            string? best = null;
            var bestFreq = 0;
            foreach (var field in new[] { SearchFields.Title, SearchFields.Body })
            {
                var fuzzy = new FuzzyQuery(new Term(field, w), w.Length >= 4 ? 2 : 1, 0, 50, false)
                {
                    MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(20),
                };
                var set = new HashSet<Term>();
                searcher.Rewrite(fuzzy).ExtractTerms(set);
                foreach (var t in set)
                {
                    if (t.Text.Length < 2 || t.Text == w) continue;
                    var freq = searcher.IndexReader.DocFreq(t);
                    if (freq > bestFreq) (best, bestFreq) = (t.Text, freq);
                }
            }
            if (best is null) continue;
            words[i] = best;
            changed = true;
        }
        if (!changed) return null;
        var corrected = string.Join(' ', words);
        return Count(searcher, Filtered(_translator.Build(corrected).Query, filter)) > 0 ? corrected : null;
    }

    private static SearchHit ToHit(Document d, float score, string[] terms)
    {
        var title = d.Get(SearchFields.Title) ?? "";
        var body = d.Get(SearchFields.Body) ?? "";
        return new SearchHit
        {
            Id = d.Get(SearchFields.Id),
            Title = title,
            TitleHighlighted = terms.Length > 0 ? SnippetBuilder.Highlight(title, terms) : SnippetBuilder.Escape(title),
            Url = d.Get(SearchFields.Url) ?? "",
            SiteKey = d.Get(SearchFields.Site) ?? "",
            SiteName = d.Get(SearchFields.SiteName) ?? "",
            ContentType = d.Get(SearchFields.Type) ?? "",
            DocumentNumber = d.Get(SearchFields.DocNumber),
            Issuer = d.Get(SearchFields.Issuer),
            PublishedAt = DateTimeOffset.Parse(d.Get(SearchFields.Published), CultureInfo.InvariantCulture),
            WrittenDate = d.Get(SearchFields.Written) is { } w ? DateOnly.ParseExact(w, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Validity = d.Get(SearchFields.Validity),
            GazetteYear = ParseInt(d.Get(SearchFields.GazetteYear)),
            GazetteIssue = ParseInt(d.Get(SearchFields.GazetteIssue)),
            GazetteSection = d.Get(SearchFields.GazetteSection),
            Snippet = SnippetBuilder.Snippet(body, terms),
            Score = score,
        };
    }

    private static int? ParseInt(string? s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static Document ToLucene(SearchDocument s)
    {
        var d = new Document
        {
            new StringField(SearchFields.Id, s.Id, Field.Store.YES),
            new StringField(SearchFields.Site, s.SiteKey, Field.Store.YES),
            new SortedDocValuesField(SearchFields.FacetSite, new BytesRef(s.SiteKey)),
            new StoredField(SearchFields.SiteName, s.SiteName),
            new StringField(SearchFields.Type, s.ContentType, Field.Store.YES),
            new SortedDocValuesField(SearchFields.FacetType, new BytesRef(s.ContentType)),
            new TextField(SearchFields.Title, s.Title, Field.Store.YES),
            new StringField(SearchFields.TitleExact, TextFolder.Fold(s.Title), Field.Store.NO),
            new TextField(SearchFields.Body, s.Body, Field.Store.YES),
            new StoredField(SearchFields.Url, s.Url),
            new StoredField(SearchFields.Published, s.PublishedAt.ToString("O", CultureInfo.InvariantCulture)),
            new NumericDocValuesField(SearchFields.PublishedSort, s.PublishedAt.UtcTicks),
            new Int32Field(SearchFields.PublishedDay, QueryTranslator.DayNumber(DateOnly.FromDateTime(s.PublishedAt.DateTime)), Field.Store.NO),
            new Int32Field(SearchFields.Year, s.PublishedAt.Year, Field.Store.NO),
            new SortedDocValuesField(SearchFields.FacetYear, new BytesRef(s.PublishedAt.Year.ToString(CultureInfo.InvariantCulture))),
        };
        if (!string.IsNullOrWhiteSpace(s.ColumnPath))
            d.Add(new StringField(SearchFields.Column, QueryTranslator.NormalizeColumn(s.ColumnPath), Field.Store.YES));
        if (!string.IsNullOrWhiteSpace(s.Issuer))
        {
            d.Add(new StringField(SearchFields.Issuer, s.Issuer, Field.Store.YES));
            d.Add(new TextField(SearchFields.IssuerText, s.Issuer, Field.Store.NO));
            d.Add(new SortedDocValuesField(SearchFields.FacetIssuer, new BytesRef(s.Issuer)));
        }
        if (!string.IsNullOrWhiteSpace(s.DocumentNumber))
        {
            d.Add(new StoredField(SearchFields.DocNumber, s.DocumentNumber));
            d.Add(new TextField(SearchFields.DocNumberText, s.DocumentNumber, Field.Store.NO));
            var norm = DocumentNumber.Normalize(s.DocumentNumber).Replace("第", "");
            d.Add(new StringField(SearchFields.DocNumberNorm, norm, Field.Store.NO));
            if (DocumentNumber.TryParse(s.DocumentNumber, out var n))
            {
                d.Add(new StringField(SearchFields.DocNumberKey, n.Key, Field.Store.NO));
                d.Add(new StringField(SearchFields.DocNumberNorm, DocumentNumber.Normalize(n.Canonical), Field.Store.NO));
                d.Add(new StringField(SearchFields.DocNumberYearSeq, $"{n.Year}-{n.Sequence}", Field.Store.NO));
            }
        }
        if (s.WrittenDate is { } w) d.Add(new StoredField(SearchFields.Written, w.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (!string.IsNullOrWhiteSpace(s.Validity)) d.Add(new StringField(SearchFields.Validity, s.Validity, Field.Store.YES));
        if (s.GazetteYear is { } gy)
        {
            d.Add(new Int32Field(SearchFields.GazetteYear, gy, Field.Store.YES));
            d.Add(new SortedDocValuesField(SearchFields.FacetGazetteYear, new BytesRef(gy.ToString(CultureInfo.InvariantCulture))));
        }
        if (s.GazetteIssue is { } gi) d.Add(new Int32Field(SearchFields.GazetteIssue, gi, Field.Store.YES));
        if (!string.IsNullOrWhiteSpace(s.GazetteSection))
        {
            d.Add(new StringField(SearchFields.GazetteSection, s.GazetteSection, Field.Store.YES));
            d.Add(new SortedDocValuesField(SearchFields.FacetSection, new BytesRef(s.GazetteSection)));
        }
        return d;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _manager.Dispose();
        // Rollback, not close-with-commit: what is on disk stays exactly the last Commit(sequence).
        _writer.Rollback();
        _writer.Dispose();
        _directory.Dispose();
        _queryAnalyzer.Dispose();
    }
}
