namespace Fenghua.Cms.Search.Tests;

/// <summary>Writes, deletes, commits, reopen, corruption and concurrency on small real FSDirectory indexes.</summary>
public sealed class IndexLifecycleTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fh-search-life-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    private string NewPath() => Path.Combine(_root, Guid.NewGuid().ToString("N")[..8]);

    private static SearchDocument Doc(string id, string title, string body = "正文", string site = "portal", bool isPublic = true, string? number = null) => new()
    {
        Id = id, SiteKey = site, SiteName = site, ContentType = "Article", Title = title, Body = body,
        DocumentNumber = number, PublishedAt = new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.FromHours(8)),
        Url = "/art/" + id, IsPublic = isPublic,
    };

    private static List<string> Ids(SearchIndex index, string text, IReadOnlyList<string>? sites = null) =>
        index.Search(new SearchQuery { Text = text, Sites = sites, PerPage = 100 }).Hits.Select(h => h.Id).ToList();

    [Fact]
    public void Missing_index_reports_needs_rebuild_and_starts_empty()
    {
        using var index = new SearchIndex(NewPath());
        Assert.True(index.NeedsRebuild);
        Assert.Equal(0, index.LastAppliedSequence);
        Assert.Equal(0, index.Search(new SearchQuery()).Total);
        index.Upsert([Doc("a", "奉化区政务公开工作要点")]);
        index.Commit(1);
        Assert.False(index.NeedsRebuild);
    }

    [Fact]
    public void Last_applied_sequence_survives_reopen_and_uncommitted_changes_do_not()
    {
        var path = NewPath();
        using (var index = new SearchIndex(path))
        {
            index.Upsert([Doc("a", "营商环境优化方案"), Doc("b", "政务服务事项清单")]);
            index.Commit(41);
            index.Upsert([Doc("c", "未提交的文件")]);
            index.Commit(42);
            index.Upsert([Doc("d", "永远不会提交")]); // discarded by Dispose (rollback)
        }
        using (var index = new SearchIndex(path))
        {
            Assert.False(index.NeedsRebuild);
            Assert.Equal(42, index.LastAppliedSequence);
            Assert.Equal(3, index.Search(new SearchQuery()).Total);
            Assert.Empty(Ids(index, "永远不会提交"));
            Assert.Equal(["a"], Ids(index, "营商环境"));
        }
    }

    [Fact]
    public void Corrupt_index_reports_needs_rebuild_and_does_not_throw()
    {
        var path = NewPath();
        using (var index = new SearchIndex(path))
        {
            index.Upsert(Enumerable.Range(0, 50).Select(i => Doc("d" + i, "文件" + i, "营商环境 第" + i + "条")));
            index.Commit(7);
        }
        var garbage = new byte[4096];
        new Random(1).NextBytes(garbage);
        foreach (var f in Directory.GetFiles(path).Where(f => !f.EndsWith("write.lock")))
            File.WriteAllBytes(f, garbage);

        using (var index = new SearchIndex(path))
        {
            Assert.True(index.NeedsRebuild);
            Assert.NotNull(index.NeedsRebuildReason);
            Assert.Equal(0, index.LastAppliedSequence);
            Assert.Equal(0, index.Search(new SearchQuery { Text = "营商环境" }).Total);
            // The host rebuilds into the same object.
            index.Upsert([Doc("x", "重建后的文件")]);
            index.Commit(8);
            index.MaybeRefresh();
            Assert.Equal(["x"], Ids(index, "重建"));
        }
        using (var index = new SearchIndex(path))
        {
            Assert.False(index.NeedsRebuild);
            Assert.Equal(8, index.LastAppliedSequence);
        }
    }

    [Fact]
    public void Truncated_segment_files_report_needs_rebuild()
    {
        var path = NewPath();
        using (var index = new SearchIndex(path))
        {
            index.Upsert([Doc("a", "营商环境")]);
            index.Commit(3);
        }
        foreach (var f in Directory.GetFiles(path).Where(f => Path.GetFileName(f).StartsWith('_')))
            File.WriteAllBytes(f, [1, 2, 3]);
        using var reopened = new SearchIndex(path);
        Assert.True(reopened.NeedsRebuild);
    }

    [Fact]
    public void Delete_delete_site_clear_and_unpublish_remove_documents()
    {
        using var index = new SearchIndex(NewPath());
        index.Upsert([Doc("a", "放管服改革文件", site: "s1"), Doc("b", "放管服改革通知", site: "s2"), Doc("c", "放管服改革意见", site: "s2")]);
        index.MaybeRefresh();
        Assert.Equal(3, Ids(index, "放管服").Count);

        index.Delete(["a"]);
        index.MaybeRefresh();
        Assert.Equal(["b", "c"], Ids(index, "放管服").Order().ToList());

        index.Upsert([Doc("b", "放管服改革通知", site: "s2", isPublic: false)]);
        index.MaybeRefresh();
        Assert.Equal(["c"], Ids(index, "放管服"));

        index.DeleteSite("s2");
        index.MaybeRefresh();
        Assert.Empty(Ids(index, "放管服"));

        index.Upsert([Doc("d", "最多跑一次")]);
        index.Commit(5);
        index.Clear();
        Assert.Equal(0, index.Search(new SearchQuery()).Total);
        Assert.Equal(0, index.LastAppliedSequence);
    }

    [Fact]
    public void Equal_scores_put_the_newer_document_first()
    {
        using var index = new SearchIndex(NewPath());
        var baseDoc = Doc("old", "关于做好政务公开工作的通知", "政务公开");
        index.Upsert([
            baseDoc,
            baseDoc with { Id = "new", PublishedAt = baseDoc.PublishedAt.AddDays(30) },
            baseDoc with { Id = "mid", PublishedAt = baseDoc.PublishedAt.AddDays(10) },
        ]);
        index.MaybeRefresh();
        Assert.Equal(["new", "mid", "old"], Ids(index, "政务公开"));
        Assert.Equal(["new", "mid", "old"], Ids(index, ""));
    }

    [Fact]
    public void Upsert_replaces_by_id()
    {
        using var index = new SearchIndex(NewPath());
        index.Upsert([Doc("a", "旧标题")]);
        index.Upsert([Doc("a", "新标题")]);
        index.MaybeRefresh();
        Assert.Equal(1, index.Search(new SearchQuery()).Total);
        Assert.Equal("新标题", index.Search(new SearchQuery { Text = "新标题" }).Hits.Single().Title);
    }

    [Fact]
    public void Other_sites_are_never_returned_when_filtered()
    {
        using var index = new SearchIndex(NewPath());
        index.Upsert([Doc("a", "一件事一次办", site: "s1"), Doc("b", "一件事一次办", site: "s2")]);
        index.MaybeRefresh();
        Assert.Equal(["a"], Ids(index, "一件事", ["s1"]));
        Assert.Equal(["b"], Ids(index, "一件事", ["s2"]));
        Assert.Empty(Ids(index, "一件事", ["s3"]));
    }

    [Fact]
    public void Snippet_escapes_html_and_keeps_only_mark_tags()
    {
        using var index = new SearchIndex(NewPath());
        index.Upsert([Doc("x", "<b>营商环境</b> & 标题",
            "前言<script>alert('营商环境')</script> \"引号\" & 更多 <img src=x onerror=alert(1)> 营商环境")]);
        index.MaybeRefresh();
        var hit = index.Search(new SearchQuery { Text = "营商环境" }).Hits.Single();
        Assert.Contains("&lt;script&gt;alert(&#39;<mark>营商环境</mark>&#39;)&lt;/script&gt;", hit.Snippet);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", hit.Snippet);
        Assert.Contains("&amp;", hit.Snippet);
        Assert.Equal("&lt;b&gt;<mark>营商环境</mark>&lt;/b&gt; &amp; 标题", hit.TitleHighlighted);
        foreach (var s in new[] { hit.Snippet, hit.TitleHighlighted })
        {
            var stripped = s.Replace("<mark>", "").Replace("</mark>", "");
            Assert.DoesNotContain('<', stripped);
            Assert.DoesNotContain('>', stripped);
        }
        var plain = index.Search(new SearchQuery { Text = "营商环境", WithHighlights = false }).Hits.Single();
        Assert.DoesNotContain("<", plain.Snippet);
    }

    [Fact]
    public void Published_document_is_searchable_after_refresh_within_a_second()
    {
        using var index = new SearchIndex(NewPath());
        index.Upsert(Enumerable.Range(0, 200).Select(i => Doc("d" + i, "常规文件" + i, "政务公开 第" + i + "号")));
        index.Commit(1);
        index.MaybeRefresh();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        index.Upsert([Doc("new", "关于开展营商环境评价的通知")]);
        index.MaybeRefresh();
        var found = Ids(index, "营商环境评价").Contains("new");
        sw.Stop();
        Assert.True(found);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(1), sw.Elapsed.ToString());
    }

    [Fact]
    public void Searches_run_concurrently_with_writes()
    {
        using var index = new SearchIndex(NewPath());
        index.Upsert(Enumerable.Range(0, 300).Select(i => Doc("base" + i, "基础文件" + i, "优化营商环境 放管服 " + i)));
        index.Commit(1);
        index.MaybeRefresh();

        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        using var stop = new CancellationTokenSource();
        var searchers = Enumerable.Range(0, 3).Select(t => Task.Run(() =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested && n++ < 5000)
            {
                try
                {
                    var r = index.Search(new SearchQuery { Text = n % 2 == 0 ? "营商环境" : "放管服", WithFacets = true });
                    if (r.Total < 300) throw new InvalidOperationException($"lost base documents: {r.Total}");
                }
                catch (Exception e) { errors.Enqueue(e); return; }
            }
        })).ToArray();
        var writer = Task.Run(() =>
        {
            for (var batch = 0; batch < 20; batch++)
            {
                index.Upsert(Enumerable.Range(0, 20).Select(i => Doc($"w{batch}-{i}", "新增文件", "营商环境 放管服 批次" + batch)));
                index.Delete([$"w{batch}-0"]);
                index.MaybeRefresh();
                if (batch % 5 == 4) index.Commit(batch);
            }
        });
        writer.Wait();
        stop.Cancel();
        Task.WaitAll(searchers);
        Assert.Empty(errors);
        index.MaybeRefresh();
        Assert.Equal(300 + 20 * 19, index.Search(new SearchQuery { Text = "营商环境" }).Total);
        Assert.Equal(19, index.LastAppliedSequence);
    }

    [Fact]
    public void Changing_the_dictionary_setting_reports_needs_rebuild_but_keeps_documents()
    {
        var path = NewPath();
        using (var index = new SearchIndex(path, useDomainTerms: true))
        {
            index.Upsert([Doc("a", "最多跑一次")]);
            index.Commit(2);
        }
        using (var index = new SearchIndex(path, useDomainTerms: false))
        {
            Assert.True(index.NeedsRebuild);
            Assert.Equal(2, index.LastAppliedSequence);
            Assert.Equal(1, index.Search(new SearchQuery()).Total);
        }
    }
}
