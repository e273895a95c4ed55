using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fenghua.Cms.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Gazette;

/// <summary>The gazette archive end to end: import through the CLI, browse, look up, search, download, subscribe.</summary>
public abstract partial class GazetteTests(CmsFactory factory)
{
    // A gov.cn document of the corpus, in 2019年第1期 (section 国务院文件): present in the full corpus and the PostgreSQL subset.
    private const string Title = "国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见";
    private const string Number = "国发〔2019〕5号";

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> GetAsync(string url)
    {
        var response = await Client().GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private async Task<GazetteCorpus.ImportRun> ImportedAsync()
    {
        Skip.If(factory.Unavailable is not null, factory.Unavailable);
        var run = await GazetteCorpus.ImportedAsync(factory);
        Assert.True(run.Exit == 0, run.Output + run.Error);
        return run;
    }

    private async Task<string> DocumentUrlAsync()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var entry = await db.GazetteArticles.AsNoTracking().SingleAsync(a => a.SourceId == "govcn-5365945");
        return "/" + entry.PublicPath;
    }

    [SkippableFact]
    public async Task The_import_creates_every_placed_record_rejects_the_rest_by_line_and_a_second_run_changes_nothing()
    {
        var run = await ImportedAsync();
        if (factory.PostgresConnectionString is null)
        {
            Assert.Equal(849, run.Placed);
            Assert.Equal(63, run.Rejected);
        }
        Assert.Contains($"新建 {run.Placed}，更新 0，未变 0，拒绝 {run.Rejected}。", run.Output);
        Assert.Matches(@"\[[#.]+\] \d+/\d+", run.Output);
        var rejected = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(run.Rejected, rejected.Length);
        foreach (var line in run.RejectedLines)
            Assert.Contains($"拒绝 第 {line} 行：没有公报位置：缺少 gazette_year、gazette_issue、gazette_section", run.Error);

        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            Assert.Equal(run.Placed, await db.GazetteArticles.CountAsync(a => a.SourceId != null && !a.SourceId.StartsWith("recipe-") && !a.SourceId.StartsWith("fh-")));
            var versionsBefore = await db.ContentVersions.CountAsync();
            var contentAuditBefore = await db.AuditTrail.CountAsync(a => a.Action.StartsWith("content."));

            var (exit, output, error) = await GazetteCorpus.CliAsync(factory, "gazette", "import", run.File);
            Assert.Equal(0, exit);
            Assert.Contains($"新建 0，更新 0，未变 {run.Placed}，拒绝 {run.Rejected}。", output);
            Assert.Contains("期：新建 0，更新 0。", output);
            Assert.Equal(run.Rejected, error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Equal(versionsBefore, await db.ContentVersions.CountAsync());
            Assert.Equal(contentAuditBefore, await db.AuditTrail.CountAsync(a => a.Action.StartsWith("content.")));
            Assert.True(await db.AuditTrail.AnyAsync(a => a.Action == "gazette.import"));
        }
        Assert.Equal(0, (await GazetteCorpus.CliAsync(factory, "audit", "verify")).Exit);
    }

    [SkippableFact]
    public async Task A_reader_browses_year_then_issue_then_document_with_its_place_number_and_citation()
    {
        await ImportedAsync();
        var (status, index, _) = await GetAsync("/gazette/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<a href=\"/gazette/2019/\">2019年</a>", index);
        Assert.Matches("rel=\"alternate\" type=\"application/atom(\\+|&#x2B;)xml\" title=\"[^\"]*公报：新一期\" href=\"/gazette/feed.atom\"", index);
        Assert.Contains("<meta name=\"ColumnName\" content=\"政府公报\">", index);

        var (_, year, _) = await GetAsync("/gazette/2019/");
        Assert.Contains("<a href=\"/gazette/2019/1/\">2019年第1期", year);

        var (issueStatus, issue, _) = await GetAsync("/gazette/2019/1/");
        Assert.Equal(HttpStatusCode.OK, issueStatus);
        Assert.Contains("<h3 id=\"sec-", issue);
        Assert.Contains(">国务院文件</h3>", issue);
        var url = await DocumentUrlAsync();
        Assert.Contains($"<a href=\"{url}\">{Title}</a> <span class=\"docno\">{Number}</span>", issue);
        Assert.Contains("引用本期", issue);

        var (docStatus, doc, _) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, docStatus);
        Assert.Contains($"<td class=\"docno\">{Number}</td>", doc);
        Assert.Contains("<td>国务院</td>", doc);
        Assert.Contains("<td>2019-01-27</td>", doc);
        Assert.Contains("<a href=\"/gazette/2019/1/\">2019年第1期", doc);
        Assert.Contains("<td>国务院文件</td>", doc);
        Assert.Matches("rel=\"(prev|next)\">", doc);
        Assert.Contains($"国务院《{Title}》（{Number}），《宁波市奉化区人民政府公报》2019年第1期", doc);
        Assert.Contains("实行抽查事项清单管理", doc);
        Assert.Contains($"<meta name=\"ArticleTitle\" content=\"{Title}\">", doc);

        // An unknown issue and a document of another site answer the themed 404.
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/gazette/2019/99/")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/czj" + url)).Status);
    }

    [SkippableTheory]
    [InlineData("国发〔2019〕5号")]
    [InlineData("国发[2019]5号")]
    [InlineData("国发（2019）5号")]
    [InlineData("国发〔２０１９〕第５号")]
    [InlineData(" 国发 ［2019］ 05号 ")]
    public async Task Typing_a_document_number_in_any_spelling_goes_straight_to_the_document(string typed)
    {
        await ImportedAsync();
        var (status, _, response) = await GetAsync("/gazette/search?q=" + Uri.EscapeDataString(typed));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(await DocumentUrlAsync(), response.Headers.Location!.OriginalString);
    }

    [SkippableTheory]
    [InlineData("2019年第1期")]
    [InlineData("2019年1期")]
    [InlineData("２０１９年第１期")]
    public async Task Typing_an_issue_citation_goes_straight_to_the_issue(string typed)
    {
        await ImportedAsync();
        var (status, _, response) = await GetAsync("/gazette/search?q=" + Uri.EscapeDataString(typed));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/gazette/2019/1/", response.Headers.Location!.OriginalString);
    }

    [SkippableFact]
    public async Task A_phrase_of_the_text_finds_the_document_with_highlighting_filters_and_facets()
    {
        await ImportedAsync();
        var term = Uri.EscapeDataString("\"实行抽查事项清单管理\"");
        var api = await UntilIndexedAsync($"/api/gazette/documents?term={term}");
        var first = api["documents"]!.AsArray()[0]!;
        Assert.Equal(Title, first["title"]!.GetValue<string>());
        Assert.Equal(Number, first["document_number"]!.GetValue<string>());
        Assert.Contains("<mark>", first["snippet"]!.GetValue<string>());

        var (_, page, _) = await GetAsync($"/gazette/search?q={term}&year=2019");
        Assert.Contains("共找到 1 件文件", page);
        Assert.Contains("<mark>", page);
        Assert.Contains(">国务院文件</a> <span>(1)</span>", page);

        var (_, none, _) = await GetAsync($"/api/gazette/documents?term={term}&year=2018");
        Assert.Equal(0, JsonNode.Parse(none)!["total"]!.GetValue<int>());

        var (_, facets, _) = await GetAsync("/api/gazette/documents/facets/section?year=2019");
        var values = JsonNode.Parse(facets)!["values"]!.AsArray();
        Assert.Contains(values, v => v!["value"]!.GetValue<string>() == "国务院文件" && v["count"]!.GetValue<int>() >= 1);
    }

    private async Task<JsonNode> UntilIndexedAsync(string url)
    {
        // The node's index follows the outbox a moment after the import commits; wait for it (not a timing assertion).
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (status, body, _) = await GetAsync(url);
            if (status == HttpStatusCode.OK && JsonNode.Parse(body)!["total"]!.GetValue<int>() > 0) return JsonNode.Parse(body)!;
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), $"索引未能赶上：{status} {body}");
            await Task.Delay(500);
        }
    }

    [SkippableFact]
    public async Task The_csv_opens_in_spreadsheets_with_the_document_number_as_text()
    {
        await ImportedAsync();
        var response = await Client().GetAsync("/api/gazette/documents?format=csv&year=2019&issue=1&per_page=1000");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,title,document_number,issuer,written_date,publication_date,year,issue,section,order,page_from,page_to,url", lines[0]);
        var row = lines.Single(l => l.Contains(Title, StringComparison.Ordinal)).Split(',');
        Assert.Equal(Number, row[2]);
        Assert.Equal("国务院", row[3]);
        Assert.Equal("2019-01-27", row[4]);
        Assert.Equal("2019", row[6]);
        Assert.Equal("国务院文件", row[8]);
        Assert.StartsWith("http://localhost/gazette/2019/", row[12]);
    }

    [SkippableFact]
    public async Task The_bulk_zip_holds_documents_issues_pdfs_and_a_manifest_whose_checksums_match()
    {
        await ImportedAsync();
        var response = await Client().GetAsync("/api/gazette/bulk/2018.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var manifestEntry = zip.GetEntry("gazette-2018/manifest.json")!;
        JsonNode manifest;
        await using (var s = manifestEntry.Open()) manifest = JsonNode.Parse(s)!;
        var files = manifest["files"]!.AsArray();
        Assert.Equal(zip.Entries.Count - 1, files.Count);
        foreach (var f in files)
        {
            var entry = zip.GetEntry("gazette-2018/" + f!["path"]!.GetValue<string>())!;
            using var buffer = new MemoryStream();
            await using (var s = entry.Open()) await s.CopyToAsync(buffer);
            Assert.Equal(f["bytes"]!.GetValue<int>(), buffer.Length);
            Assert.Equal(f["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray())));
        }
        // The sample issue 2018年第7期 carries its printed PDF; documents carry their text.
        var pdf = zip.GetEntry("gazette-2018/issues/7/gazette-2018-7.pdf")!;
        using (var r = new BinaryReader(pdf.Open())) Assert.Equal("%PDF-"u8.ToArray(), r.ReadBytes(5));
        var issue7 = JsonNode.Parse(zip.GetEntry("gazette-2018/issues/7/issue.json")!.Open())!;
        Assert.Equal("gazette-2018-7.pdf", issue7["pdf"]!.GetValue<string>());
        var documents = files.Select(f => f!["path"]!.GetValue<string>()).Where(p => p.StartsWith("documents/", StringComparison.Ordinal)).ToList();
        Assert.Equal(manifest["documents"]!.GetValue<int>(), documents.Count);
        var sample = documents.Select(p => JsonNode.Parse(zip.GetEntry("gazette-2018/" + p)!.Open())!).First(d => d["document_number"]?.GetValue<string>() == "奉政办发〔2018〕38号");
        Assert.Contains("政务新媒体", sample["text"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await Client().GetAsync("/gazette/2018/7/gazette-2018-7.pdf")).StatusCode);
    }

    [SkippableFact]
    public async Task The_new_issues_feed_and_a_search_feed_parse_as_atom_without_warnings()
    {
        await ImportedAsync();
        var (status, issues, _) = await GetAsync("/gazette/feed.atom");
        Assert.Equal(HttpStatusCode.OK, status);
        var parsed = await FeedParserAsync(issues);
        Assert.Equal("0", parsed[0]);
        Assert.True(int.Parse(parsed[1]) > 0);
        Assert.Contains("公报：新一期", parsed[2]);
        Assert.StartsWith("http://localhost/gazette/", parsed[3]);

        var (_, search, _) = await GetAsync("/gazette/search.atom?section=" + Uri.EscapeDataString("国务院文件") + "&year=2019");
        var parsedSearch = await FeedParserAsync(search);
        Assert.Equal("0", parsedSearch[0]);
        Assert.True(int.Parse(parsedSearch[1]) > 0);
    }

    /// <summary>Parses a feed with Python's feedparser: bozo flag, entry count, feed title, first entry link.</summary>
    private static async Task<string[]> FeedParserAsync(string xml)
    {
        // Debian's python3-feedparser lives beside /usr/bin/python3 (a python3 earlier on PATH may lack it).
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var psi = new ProcessStartInfo(python, ["-c",
            "import sys,feedparser; d=feedparser.parse(sys.stdin.buffer.read()); " +
            "print(int(d.bozo)); print(len(d.entries)); print(d.feed.get('title','')); print(d.entries[0].link if d.entries else '')"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8,
        };
        using var p = Process.Start(psi)!;
        await p.StandardInput.BaseStream.WriteAsync(Encoding.UTF8.GetBytes(xml));
        p.StandardInput.Close();
        var output = await p.StandardOutput.ReadToEndAsync();
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, error);
        return output.Split('\n');
    }

    [SkippableTheory]
    [InlineData("/api/gazette/documents?per_page=1001", "per_page")]
    [InlineData("/api/gazette/documents?year=abc", "year")]
    [InlineData("/api/gazette/documents?issue=0", "issue")]
    [InlineData("/api/gazette/documents?order=popular", "order")]
    [InlineData("/api/gazette/documents?from=2019-13-01", "from")]
    [InlineData("/api/gazette/documents?from=2019-02-01&to=2019-01-01", "from")]
    [InlineData("/api/gazette/documents?format=xls", "format")]
    [InlineData("/api/gazette/documents/facets/colour", "facet")]
    [InlineData("/api/gazette/issues?year=19", "year")]
    [InlineData("/api/gazette/issues/2019/x", "issue")]
    [InlineData("/api/gazette/bulk/latest.zip", "year")]
    public async Task Bad_parameters_answer_400_problem_json_naming_the_parameter(string url, string parameter)
    {
        Skip.If(factory.Unavailable is not null, factory.Unavailable);
        var response = await Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(parameter, problem["parameter"]!.GetValue<string>());
        Assert.Contains(parameter, problem["detail"]!.GetValue<string>());
        Assert.Equal("https://fh.gov.cn/problems/400", problem["type"]!.GetValue<string>());
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal(parameter, error["field"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task The_issue_api_lists_the_table_of_contents_in_section_order()
    {
        await ImportedAsync();
        var (status, body, _) = await GetAsync("/api/gazette/issues/2018/7");
        Assert.Equal(HttpStatusCode.OK, status);
        var json = JsonNode.Parse(body)!;
        // The sample issue of the recipe; the corpus import added its own sections after the sample's.
        Assert.StartsWith("2018年第7期（总第", json["issue"]!["label"]!.GetValue<string>());
        Assert.Equal("/gazette/2018/7/gazette-2018-7.pdf", json["issue"]!["pdf_url"]!.GetValue<string>());
        var sections = json["sections"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["区政府文件", "区政府办公室文件", "人事任免"], sections.Take(3));
        var (_, list, _) = await GetAsync("/api/gazette/issues?year=2018");
        Assert.Contains(JsonNode.Parse(list)!["issues"]!.AsArray(), i => i!["issue"]!.GetValue<int>() == 7);
    }

    [SkippableFact]
    public async Task A_folder_of_issue_folders_imports_with_its_pdf_and_bodies_and_reports_bad_articles()
    {
        Skip.If(factory.Unavailable is not null, factory.Unavailable);
        _ = factory.Server;
        var root = Path.Combine(factory.DataPath, "folder-import");
        var issueDir = Path.Combine(root, "2020-03");
        Directory.CreateDirectory(issueDir);
        await File.WriteAllBytesAsync(Path.Combine(issueDir, "issue.pdf"), "%PDF-1.4\n% 测试\n%%EOF\n"u8.ToArray());
        await File.WriteAllTextAsync(Path.Combine(issueDir, "01.md"), "各镇人民政府、街道办事处：\n\n现将**河道保洁**有关事项通知如下。");
        await File.WriteAllTextAsync(Path.Combine(issueDir, "issue.json"), """
            { "year": 2020, "issue": 3, "totalIssue": 87, "publicationDate": "2020-03-31", "pdf": "issue.pdf",
              "sections": ["区政府办公室文件"],
              "articles": [
                { "id": "fh-2020-03-01", "file": "01.md", "title": "关于做好河道保洁工作的通知", "doc_number": "奉政办发(2020)9号",
                  "issuer": "宁波市奉化区人民政府办公室", "date": "2020-03-20", "section": "区政府办公室文件", "order": 1, "page_from": 1, "page_to": 2 },
                { "id": "fh-2020-03-02", "title": "缺少栏目的文件", "body": "正文" }
              ] }
            """);
        var (exit, output, error) = await GazetteCorpus.CliAsync(factory, "gazette", "import", root);
        Assert.Equal(0, exit);
        Assert.Contains("新建 1，更新 0，未变 0，拒绝 1。", output);
        Assert.Contains("2020-03/issue.json 第 2 篇：没有公报位置：缺少 section", error);

        var (_, issue, _) = await GetAsync("/gazette/2020/3/");
        Assert.Contains("2020年第3期（总第87期）", issue);
        Assert.Contains("href=\"/gazette/2020/3/gazette-2020-3.pdf\"", issue);
        Assert.Contains("奉政办发〔2020〕9号", issue);
        var pdf = await Client().GetAsync("/gazette/2020/3/gazette-2020-3.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync()));
        var (_, _, found) = await GetAsync("/gazette/search?q=" + Uri.EscapeDataString("奉政办发〔2020〕9号"));
        var (_, doc, _) = await GetAsync(found.Headers.Location!.OriginalString);
        Assert.Contains("<strong>河道保洁</strong>", doc);
        Assert.Contains("第1—2页", doc);

        // The PDF store keeps files outside the web root; the store has no other route to them.
        Assert.True(File.Exists(Path.Combine(factory.DataPath, "gazette", "portal", "2020", "3.pdf")));
        Assert.Equal(0, (await GazetteCorpus.CliAsync(factory, "gazette", "import", root)).Exit);
    }
}

public sealed class SqliteGazetteTests(SqliteCmsFactory factory) : GazetteTests(factory), IClassFixture<SqliteCmsFactory>;

public sealed class PostgresGazetteTests(PostgresCmsFactory factory) : GazetteTests(factory), IClassFixture<PostgresCmsFactory>;
