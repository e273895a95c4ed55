// Search benchmark: builds a ≥100k-document index from the real corpus plus generated variations,
// then measures indexing throughput, full rebuild time, query latency (cold/warm, with/without
// facets and highlighting) and publish-to-searchable latency. All loops are bounded.
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fenghua.Cms.Core.Documents;
using Fenghua.Cms.Search;
using Fenghua.Cms.Search.Tests;

var count = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var queryCount = 1000;
var root = Path.Combine(Path.GetTempPath(), "fh-search-bench-" + Guid.NewGuid().ToString("N"));
var indexPath = Path.Combine(root, "index");
Console.WriteLine($"# Search benchmark — {DateTime.Now:yyyy-MM-dd HH:mm}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

var corpus = Corpus.Load().Select(d => d with { IsPublic = true }).ToList();
var sw = Stopwatch.StartNew();
var docs = Generate(corpus, count);
Console.WriteLine($"generated {docs.Count:N0} documents in {sw.Elapsed.TotalSeconds:F1} s");
var bytes = docs.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Title) + Encoding.UTF8.GetByteCount(d.Body));
Console.WriteLine($"text volume: {bytes / 1e6:F1} MB UTF-8 (title + body), mean body {docs.Average(d => d.Body.Length):F0} chars");

// ---- Full rebuild: Clear, upsert everything (2 threads share the one IndexWriter), one commit, refresh.
var index = new SearchIndex(indexPath);
sw.Restart();
index.Clear();
var batches = docs.Chunk(1000).ToArray();
Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, b => index.Upsert(b));
var upserted = sw.Elapsed;
index.Commit(docs.Count);
index.MaybeRefresh();
var rebuild = sw.Elapsed;
var indexSize = Directory.EnumerateFiles(indexPath).Sum(f => new FileInfo(f).Length);
Console.WriteLine();
Console.WriteLine("## Indexing");
Console.WriteLine($"| documents | {docs.Count:N0} |");
Console.WriteLine($"| full rebuild (clear + upsert + commit + refresh) | {rebuild.TotalSeconds:F1} s |");
Console.WriteLine($"| throughput | {docs.Count / rebuild.TotalSeconds:N0} docs/s, {bytes / 1e6 / rebuild.TotalSeconds:F2} MB/s |");
Console.WriteLine($"| of which upsert / commit+refresh | {upserted.TotalSeconds:F1} s / {(rebuild - upserted).TotalSeconds:F1} s |");
Console.WriteLine($"| index size | {indexSize / 1e6:F0} MB |");
index.Dispose();

// ---- Query latency.
var queries = QueryMix(corpus, docs, queryCount);
Console.WriteLine();
Console.WriteLine($"## Query latency ({queries.Count} queries, page size 10; cold = first pass after opening the index, OS file cache already warm)");
Console.WriteLine("| facets | highlights | cold p50 | cold p99 | warm p50 | warm p99 | warm max | mean hits |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var (facets, highlights) in new[] { (false, false), (true, false), (false, true), (true, true) })
{
    using var idx = new SearchIndex(indexPath);
    var cold = Run(idx, queries, facets, highlights, out _);
    var warm = Run(idx, queries, facets, highlights, out var meanHits);
    Console.WriteLine($"| {(facets ? "yes" : "no")} | {(highlights ? "yes" : "no")} | {P(cold, 50):F1} ms | {P(cold, 99):F1} ms | {P(warm, 50):F1} ms | {P(warm, 99):F1} ms | {warm.Max():F1} ms | {meanHits:N0} |");
}

// ---- Publish to searchable: upsert one document, MaybeRefresh, search until found.
using (var idx = new SearchIndex(indexPath))
{
    var lat = new List<double>();
    for (var i = 0; i < 20; i++)
    {
        var doc = corpus[i] with { Id = $"publish-{i}", Title = $"奉化区关于发布测试文件第{i}号的通知 唯一标记甲乙丙{i}" };
        var t = Stopwatch.StartNew();
        idx.Upsert([doc]);
        idx.MaybeRefresh();
        var found = false;
        for (var tries = 0; tries < 1000 && !found; tries++)
        {
            found = idx.Search(new SearchQuery { Text = $"唯一标记甲乙丙{i}", WithHighlights = false }).Hits.Any(h => h.Id == doc.Id);
            if (!found) idx.MaybeRefresh();
        }
        t.Stop();
        if (!found) throw new InvalidOperationException("published document not found");
        lat.Add(t.Elapsed.TotalMilliseconds);
        if (i % 5 == 4) idx.Commit(docs.Count + i); // batched commits, as the host does
    }
    Console.WriteLine();
    Console.WriteLine("## Publish to searchable (upsert 1 doc + MaybeRefresh + search, 20 runs)");
    Console.WriteLine($"| p50 | {P(lat, 50):F1} ms | max | {lat.Max():F1} ms |");
}

try { Directory.Delete(root, true); } catch (IOException) { }
return;

static List<double> Run(SearchIndex idx, List<SearchQuery> queries, bool facets, bool highlights, out double meanHits)
{
    var times = new List<double>(queries.Count);
    long hits = 0;
    foreach (var q in queries)
    {
        var t = Stopwatch.StartNew();
        var r = idx.Search(q with { WithFacets = facets, WithHighlights = highlights });
        t.Stop();
        times.Add(t.Elapsed.TotalMilliseconds);
        hits += r.Total;
    }
    meanHits = (double)hits / queries.Count;
    return times;
}

static double P(List<double> values, int percentile)
{
    var s = values.Order().ToList();
    return s[Math.Min(s.Count - 1, (int)Math.Ceiling(percentile / 100.0 * s.Count) - 1)];
}

// Variations of the real documents: shuffled paragraph excerpts, altered titles and numbers,
// 8 sites, publication years spread over 2000–2025. The 912 originals are included unchanged.
static List<SearchDocument> Generate(List<SearchDocument> corpus, int count)
{
    var rnd = new Random(20240501);
    string[] sites = ["portal", "fgw", "sfj", "jyj", "wjw", "zjj", "rsj", "scjgj"];
    string[] places = ["奉化区", "宁波市", "浙江省", "锦屏街道", "岳林街道", "溪口镇", "莼湖街道", "西坞街道"];
    string[] verbs = ["关于印发", "关于做好", "关于进一步加强", "关于公布", "关于调整"];
    var paragraphs = corpus.Select(d => d.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)).ToArray();
    var list = new List<SearchDocument>(count);
    list.AddRange(corpus.Take(Math.Min(count, corpus.Count)));
    for (var i = list.Count; i < count; i++)
    {
        var k = rnd.Next(corpus.Count);
        var src = corpus[k];
        var paras = paragraphs[k];
        var body = new StringBuilder();
        var take = rnd.Next(3, 8);
        for (var j = 0; j < take && body.Length < 1500; j++) body.Append(paras[rnd.Next(paras.Length)]).Append("\n\n");
        var year = rnd.Next(2000, 2026);
        var published = new DateTimeOffset(year, rnd.Next(1, 13), rnd.Next(1, 29), 9, 0, 0, TimeSpan.FromHours(8));
        string? number = null;
        if (src.DocumentNumber is not null && DocumentNumber.TryParse(src.DocumentNumber, out var n))
            number = $"奉{n.IssuerCode}〔{year}〕{rnd.Next(1, 400)}号";
        var site = sites[rnd.Next(sites.Length)];
        list.Add(src with
        {
            Id = $"gen-{i}",
            SiteKey = site,
            SiteName = site,
            Title = $"{places[rnd.Next(places.Length)]}{verbs[rnd.Next(verbs.Length)]}{Regex.Replace(src.Title, @"^(国务院办公厅|国务院)(关于)?", "")}",
            Body = body.ToString(),
            DocumentNumber = number,
            PublishedAt = published,
            WrittenDate = DateOnly.FromDateTime(published.Date),
            GazetteYear = year,
            GazetteIssue = published.Month,
            Validity = rnd.Next(10) == 0 ? "失效" : "有效",
            Url = $"https://www.fh.gov.cn/art/gen-{i}.html",
        });
    }
    return list;
}

// A fixed mix: the evaluation queries, title words, body words, document numbers, and a share
// with filters (site, year, type) — the same 1,000 queries for every configuration.
static List<SearchQuery> QueryMix(List<SearchDocument> corpus, List<SearchDocument> docs, int count)
{
    var rnd = new Random(7);
    var eval = JsonSerializer.Deserialize<List<JsonElement>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "eval-queries.json")))!
        .Select(e => e.GetProperty("q").GetString()!).ToList();
    string[] terms = ["营商环境", "放管服", "最多跑一次", "政务公开", "安全生产", "食品安全", "义务教育", "社会保险", "环境保护", "行政许可", "财政 预算", "医疗 保障", "土地 管理", "交通 运输"];
    var numbers = docs.Where(d => d.DocumentNumber is not null).Select(d => d.DocumentNumber!).ToList();
    var list = new List<SearchQuery>(count);
    for (var i = 0; i < count; i++)
    {
        string text = (i % 5) switch
        {
            0 => eval[rnd.Next(eval.Count)],
            1 => terms[rnd.Next(terms.Length)],
            2 => TitleWords(docs[rnd.Next(docs.Count)].Title, rnd),
            3 => numbers[rnd.Next(numbers.Count)].Replace("〔", "[").Replace("〕", "]"),
            _ => corpus[rnd.Next(corpus.Count)].Title,
        };
        var q = new SearchQuery { Text = text, PerPage = 10 };
        if (i % 4 == 1) q = q with { Sites = ["portal"] };
        if (i % 6 == 2) q = q with { Year = rnd.Next(2005, 2025) };
        if (i % 9 == 3) q = q with { ContentType = "GazetteArticle" };
        if (i % 10 == 7) q = q with { Sort = SearchSort.Newest };
        list.Add(q);
    }
    return list;
}

static string TitleWords(string title, Random rnd)
{
    var t = Regex.Replace(title, @"\s", "");
    if (t.Length <= 6) return t;
    var len = rnd.Next(4, Math.Min(10, t.Length));
    return t.Substring(rnd.Next(0, t.Length - len), len);
}
