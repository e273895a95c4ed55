namespace Fenghua.Cms.Search.Tests;

/// <summary>Filters and facet counts against counts computed independently from the input documents.</summary>
[Collection("Corpus")]
public sealed class FilterFacetTests(CorpusFixture fixture)
{
    private List<SearchDocument> Public => fixture.Public;

    private SearchResult All(SearchQuery q) => fixture.Index.Search(q with { PerPage = 1000, WithHighlights = false });

    private static void AssertSameIds(IEnumerable<SearchDocument> expected, SearchResult r)
    {
        var exp = expected.Select(d => d.Id).OrderBy(x => x, StringComparer.Ordinal).ToList();
        Assert.Equal(exp.Count, r.Total);
        Assert.Equal(exp, r.Hits.Select(h => h.Id).OrderBy(x => x, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Only_public_documents_are_indexed_and_returned()
    {
        var nonPublic = fixture.Documents.Where(d => !d.IsPublic).ToList();
        Assert.NotEmpty(nonPublic);
        AssertSameIds(Public, All(new SearchQuery()));
        foreach (var d in nonPublic.Take(5))
            Assert.DoesNotContain(All(new SearchQuery { Text = d.Title }).Hits, h => h.Id == d.Id);
    }

    [Fact]
    public void Site_filter_returns_only_that_site()
    {
        AssertSameIds(Public.Where(d => d.SiteKey == "fgw"), All(new SearchQuery { Sites = ["fgw"] }));
        AssertSameIds(Public.Where(d => d.SiteKey is "fgw" or "sfj"), All(new SearchQuery { Sites = ["fgw", "sfj"] }));
        var r = All(new SearchQuery { Text = "条例", Sites = ["sfj"] });
        Assert.True(r.Total > 0);
        Assert.All(r.Hits, h => Assert.Equal("sfj", h.SiteKey));
    }

    [Fact]
    public void Type_issuer_validity_and_column_filters()
    {
        AssertSameIds(Public.Where(d => d.ContentType == "PolicyDocument"), All(new SearchQuery { ContentType = "PolicyDocument" }));
        AssertSameIds(Public.Where(d => d.Issuer == "公安部"), All(new SearchQuery { Issuer = "公安部" }));
        AssertSameIds(Public.Where(d => d.Validity == "失效"), All(new SearchQuery { Validity = "失效" }));
        AssertSameIds(Public.Where(d => d.ColumnPath!.StartsWith("/zwgk/gzbg")), All(new SearchQuery { Column = "/zwgk/gzbg" }));
        AssertSameIds(Public.Where(d => d.ColumnPath == "/zwgk/gzbg/jy"), All(new SearchQuery { Column = "zwgk/gzbg/jy/" }));
    }

    [Fact]
    public void Year_and_date_range_filters()
    {
        AssertSameIds(Public.Where(d => d.PublishedAt.Year == 2018), All(new SearchQuery { Year = 2018 }));
        var from = new DateOnly(2018, 6, 1);
        var to = new DateOnly(2018, 12, 31);
        AssertSameIds(Public.Where(d => DateOnly.FromDateTime(d.PublishedAt.DateTime) is var p && p >= from && p <= to),
            All(new SearchQuery { From = from, To = to }));
        AssertSameIds(Public.Where(d => DateOnly.FromDateTime(d.PublishedAt.DateTime) >= new DateOnly(2020, 1, 1)),
            All(new SearchQuery { From = new DateOnly(2020, 1, 1) }));
    }

    [Fact]
    public void Gazette_filters()
    {
        AssertSameIds(Public.Where(d => d.GazetteYear == 2019 && d.GazetteIssue == 3), All(new SearchQuery { GazetteYear = 2019, GazetteIssue = 3 }));
        AssertSameIds(Public.Where(d => d.GazetteSection == "部门规章"), All(new SearchQuery { GazetteSection = "部门规章" }));
    }

    [Fact]
    public void Combined_filters_and_text()
    {
        var r = All(new SearchQuery { Text = "管理", Sites = ["portal"], ContentType = "GazetteArticle", Validity = "有效" });
        Assert.True(r.Total > 0);
        Assert.All(r.Hits, h =>
        {
            Assert.Equal("portal", h.SiteKey);
            Assert.Equal("GazetteArticle", h.ContentType);
            Assert.Equal("有效", h.Validity);
        });
    }

    private static Dictionary<string, int> Counts(IEnumerable<SearchDocument> docs, Func<SearchDocument, string?> key) =>
        docs.Select(key).Where(k => k is not null).GroupBy(k => k!).ToDictionary(g => g.Key, g => g.Count());

    private static void AssertFacet(Dictionary<string, int> expected, SearchResult r, string name)
    {
        var actual = r.Facets[name];
        Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.ToDictionary(f => f.Value, f => f.Count).OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.True(actual.Zip(actual.Skip(1)).All(p => p.First.Count >= p.Second.Count), $"{name} not sorted by count");
    }

    [Fact]
    public void Facet_counts_match_the_input_for_all_documents()
    {
        var r = fixture.Index.Search(new SearchQuery { WithFacets = true, PerPage = 1 });
        AssertFacet(Counts(Public, d => d.ContentType), r, "type");
        AssertFacet(Counts(Public, d => d.SiteKey), r, "site");
        AssertFacet(Counts(Public, d => d.PublishedAt.Year.ToString()), r, "year");
        AssertFacet(Counts(Public, d => d.Issuer), r, "issuer");
        AssertFacet(Counts(Public, d => d.GazetteSection), r, "section");
        AssertFacet(Counts(Public, d => d.GazetteYear?.ToString()), r, "gazetteYear");
    }

    [Fact]
    public void Facet_counts_follow_the_filters()
    {
        var r = fixture.Index.Search(new SearchQuery { Sites = ["fgw"], Validity = "有效", WithFacets = true });
        var docs = Public.Where(d => d.SiteKey == "fgw" && d.Validity == "有效").ToList();
        AssertFacet(Counts(docs, d => d.ContentType), r, "type");
        AssertFacet(Counts(docs, d => d.Issuer), r, "issuer");
        AssertFacet(Counts(docs, d => d.PublishedAt.Year.ToString()), r, "year");
        Assert.Single(r.Facets["site"]);
    }

    [Fact]
    public void Facet_counts_for_a_text_query_equal_the_hit_breakdown()
    {
        var r = fixture.Index.Search(new SearchQuery { Text = "营商环境", WithFacets = true, PerPage = 1000 });
        var expected = r.Hits.GroupBy(h => h.ContentType).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(kv => kv.Key), r.Facets["type"].ToDictionary(f => f.Value, f => f.Count).OrderBy(kv => kv.Key));
        Assert.Equal(r.Total, r.Facets["site"].Sum(f => f.Count));
    }

    [Fact]
    public void Stats_count_per_site_and_type()
    {
        var s = fixture.Index.Stats();
        Assert.Equal(Public.Count, s.Total);
        Assert.Equal(Counts(Public, d => d.SiteKey).OrderBy(kv => kv.Key), s.BySite.OrderBy(kv => kv.Key));
        Assert.Equal(Counts(Public, d => d.ContentType).OrderBy(kv => kv.Key), s.ByType.OrderBy(kv => kv.Key));
        Assert.Equal(fixture.Documents.Count, s.LastAppliedSequence);
        Assert.False(s.NeedsRebuild);
    }

    [Theory]
    [InlineData(0, 10, null, null, null, "page")]
    [InlineData(1, 0, null, null, null, "per_page")]
    [InlineData(1, 1001, null, null, null, "per_page")]
    [InlineData(1, 10, 1948, null, null, "year")]
    [InlineData(1, 10, 2101, null, null, "year")]
    [InlineData(1, 10, null, "2020-02-01", "2020-01-01", "from")]
    [InlineData(1000, 1000, null, null, null, "page")]
    public void Validation_names_the_bad_parameter(int page, int perPage, int? year, string? from, string? to, string parameter)
    {
        var q = new SearchQuery
        {
            Page = page, PerPage = perPage, Year = year,
            From = from is null ? null : DateOnly.Parse(from), To = to is null ? null : DateOnly.Parse(to),
        };
        var error = SearchQuery.Validate(q);
        Assert.NotNull(error);
        Assert.Equal(parameter, error!.Parameter);
        Assert.False(string.IsNullOrEmpty(error.Rule));
        var ex = Assert.Throws<ArgumentException>(() => fixture.Index.Search(q));
        Assert.Equal(parameter, ex.ParamName);
    }

    [Fact]
    public void Valid_query_passes_validation()
    {
        Assert.Null(SearchQuery.Validate(new SearchQuery { Page = 3, PerPage = 1000, Year = 1949, From = new DateOnly(2020, 1, 1), To = new DateOnly(2020, 1, 1) }));
    }
}
