namespace Fenghua.Cms.Search.Tests;

/// <summary>Document numbers, exact titles, tie-breaks, bad syntax and highlighting on the real corpus.</summary>
[Collection("Corpus")]
public sealed class QueryBehaviourTests(CorpusFixture fixture)
{
    private SearchResult Search(string text, int perPage = 10) =>
        fixture.Index.Search(new SearchQuery { Text = text, PerPage = perPage });

    [Theory]
    [InlineData("国办发〔2018〕128号")]
    [InlineData("国办发[2018]128号")]
    [InlineData("国办发(2018)128号")]
    [InlineData("国办发（2018）128号")]
    [InlineData("国办发［2018］128号")]
    [InlineData("国办发〔２０１８〕１２８号")]
    [InlineData("国办发 〔2018〕 第128号")]
    [InlineData("国办发2018-128")]
    [InlineData("2018 128号")]
    [InlineData("〔2018〕128号")]
    [InlineData("2018年128号")]
    public void Every_document_number_spelling_finds_the_document_first(string text)
    {
        var r = Search(text);
        Assert.NotEmpty(r.Hits);
        Assert.Equal("govcn-5359620", r.Hits[0].Id);
        Assert.Equal("国办发〔2018〕128号", r.Hits[0].DocumentNumber);
    }

    [Fact]
    public void Order_numbers_without_year_are_found_as_typed()
    {
        Assert.Equal("govcn-5351177", Search("国令第707号").Hits[0].Id);
        Assert.Equal("govcn-5351177", Search("国令707号").Hits[0].Id);
    }

    [Theory]
    [InlineData("专利代理条例")]
    [InlineData("稀土管理条例")]
    [InlineData("国务院办公厅关于推进政务新媒体健康有序发展的意见")]
    public void Exact_title_ranks_first(string title)
    {
        var r = Search(title);
        Assert.Equal(title, r.Hits[0].Title.Replace("\n", ""));
    }

    [Fact]
    public void Title_with_line_break_matches_when_typed_on_one_line()
    {
        var r = Search("国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见");
        Assert.Equal("govcn-5365945", r.Hits[0].Id);
    }

    [Fact]
    public void Equal_scores_are_ordered_newest_first()
    {
        // All versions of one regulation share the title; the exact-title boost ties them on title.
        var group = fixture.Public.GroupBy(d => d.Title).First(g => g.Count() >= 2);
        var r = fixture.Index.Search(new SearchQuery { Text = group.Key, PerPage = 50 });
        var hits = r.Hits.Where(h => h.Title == group.Key).ToList();
        Assert.Equal(group.Count(), hits.Count);
        for (var i = 1; i < hits.Count; i++)
            if (Math.Abs(hits[i - 1].Score - hits[i].Score) < 1e-6)
                Assert.True(hits[i - 1].PublishedAt >= hits[i].PublishedAt);
    }

    [Fact]
    public void Newest_and_oldest_sorts_are_by_publication_date()
    {
        var newest = fixture.Index.Search(new SearchQuery { Text = "条例", Sort = SearchSort.Newest, PerPage = 50 }).Hits;
        var oldest = fixture.Index.Search(new SearchQuery { Text = "条例", Sort = SearchSort.Oldest, PerPage = 50 }).Hits;
        Assert.True(newest.Zip(newest.Skip(1)).All(p => p.First.PublishedAt >= p.Second.PublishedAt));
        Assert.True(oldest.Zip(oldest.Skip(1)).All(p => p.First.PublishedAt <= p.Second.PublishedAt));
    }

    [Fact]
    public void Pages_do_not_overlap_and_cover_the_first_results()
    {
        var all = fixture.Index.Search(new SearchQuery { Text = "管理", PerPage = 30 }).Hits.Select(h => h.Id).ToList();
        var p1 = fixture.Index.Search(new SearchQuery { Text = "管理", PerPage = 10, Page = 1 }).Hits.Select(h => h.Id);
        var p2 = fixture.Index.Search(new SearchQuery { Text = "管理", PerPage = 10, Page = 2 }).Hits.Select(h => h.Id);
        var p3 = fixture.Index.Search(new SearchQuery { Text = "管理", PerPage = 10, Page = 3 }).Hits.Select(h => h.Id);
        Assert.Equal(all, p1.Concat(p2).Concat(p3).ToList());
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("AND OR (")]
    [InlineData("*")]
    [InlineData("?")]
    [InlineData("条例 AND")]
    [InlineData("[2018 TO")]
    [InlineData("~~~")]
    [InlineData("营商环境 \"放管服")]
    [InlineData("title:")]
    [InlineData("\\")]
    [InlineData("政*")]
    [InlineData("！＠＃")]
    public void Unparsable_queries_do_not_throw(string text)
    {
        var r = fixture.Index.Search(new SearchQuery { Text = text, WithFacets = true });
        Assert.NotNull(r);
    }

    [Fact]
    public void Unparsable_queries_with_words_still_find_documents()
    {
        var r = Search("营商环境 \"放管服");
        Assert.True(r.ParsedAsPlainWords);
        Assert.True(r.Total > 0);
        Assert.True(Search("*").Total > 0); // nothing but syntax: all documents
    }

    [Fact]
    public void Quoted_phrase_requires_adjacent_words()
    {
        var phrase = Search("\"防止可能发生的破坏活动\"");
        Assert.Equal("law-49c596a05a0f", phrase.Hits[0].Id);
        Assert.True(phrase.Total < Search("防止 破坏活动").Total);
    }

    [Theory]
    [InlineData("\"深化放管服改革\"", "govcn-5365945")]
    [InlineData("\"深化“放管服”改革\"", "govcn-5365945")]
    [InlineData("\"优化营商环境\"", "law-0432ce0feca6")]
    public void Quoted_phrases_containing_dictionary_terms_match(string text, string id)
    {
        Assert.Contains(Search(text, 50).Hits, h => h.Id == id);
    }

    [Fact]
    public void Snippets_mark_matched_terms_and_escape_everything_else()
    {
        var r = Search("营商环境");
        var hit = r.Hits[0];
        Assert.Contains("<mark>营商环境</mark>", hit.Snippet);
        Assert.DoesNotContain("<mark><mark>", hit.Snippet);
        var stripped = hit.Snippet.Replace("<mark>", "").Replace("</mark>", "");
        Assert.DoesNotContain('<', stripped);
        Assert.DoesNotContain('>', stripped);
    }

    [Fact]
    public void Dictionary_term_is_marked_across_its_punctuated_spelling()
    {
        var r = Search("双随机一公开");
        Assert.Equal("govcn-5365945", r.Hits[0].Id);
        Assert.Contains("<mark>双随机、一公开</mark>", r.Hits[0].TitleHighlighted);
    }

    [Fact]
    public void Synonym_12345_finds_the_hotline()
    {
        Assert.Contains(Search("政务服务热线").Hits, h => h.Id == "law-0432ce0feca6");
        Assert.Contains(Search("12345").Hits, h => h.Id == "law-0432ce0feca6");
        Assert.Contains(Search("12345热线").Hits, h => h.Id == "law-0432ce0feca6");
    }

    [Fact]
    public void No_results_suggests_a_close_spelling_that_has_results()
    {
        var r = Search("营商环竟");
        Assert.Equal(0, r.Total);
        Assert.NotNull(r.Suggestion);
        Assert.True(Search(r.Suggestion!).Total > 0);
    }

    [Fact]
    public void No_results_under_filters_reports_the_count_without_filters()
    {
        var r = fixture.Index.Search(new SearchQuery { Text = "稀土管理条例", Year = 1950 });
        Assert.Equal(0, r.Total);
        Assert.True(r.TotalWithoutFilters > 0);
        Assert.Null(fixture.Index.Search(new SearchQuery { Text = "稀土管理条例" }).TotalWithoutFilters);
    }
}
