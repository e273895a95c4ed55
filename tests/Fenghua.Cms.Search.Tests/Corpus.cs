using System.IO.Compression;
using System.Text.Json;

namespace Fenghua.Cms.Search.Tests;

/// <summary>
/// Loads tests/data/gov-docs.jsonl.gz and maps each record onto a <see cref="SearchDocument"/>.
/// Sites, columns, validity and visibility are assigned deterministically from the record
/// (the corpus has no such fields) so filter tests can recompute the expected counts.
/// Shared with bench/search/SearchBench via a linked file.
/// </summary>
public static class Corpus
{
    public static readonly string[] Sites = ["portal", "fgw", "sfj"];
    public static readonly Dictionary<string, string> SiteNames = new()
    {
        ["portal"] = "奉化区人民政府", ["fgw"] = "区发展和改革局", ["sfj"] = "区司法局",
    };

    public sealed record Raw(
        string Id, string Title, string? DocNumber, string? Issuer, string? Date, string Body,
        string Category, string? PublishedDate, int? GazetteYear, int? GazetteIssue, string? GazetteSection);

    public static List<Raw> LoadRaw(string? path = null)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, "data", "gov-docs.jsonl.gz");
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var list = new List<Raw>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            string? S(string n) => r.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            int? I(string n) => r.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
            list.Add(new Raw(S("id")!, S("title")!, S("doc_number"), S("issuer"), S("date"), S("body") ?? "",
                S("category") ?? "", S("published_date"), I("gazette_year"), I("gazette_issue"), S("gazette_section")));
        }
        return list;
    }

    /// <summary>Stable small hash (string.GetHashCode is randomized per process).</summary>
    public static int Hash(string s)
    {
        unchecked
        {
            var h = (int)2166136261;
            foreach (var c in s) h = (h ^ c) * 16777619;
            return h & 0x7fffffff;
        }
    }

    public static string TypeOf(string category) => category switch
    {
        "国务院文件" => "PolicyDocument",
        "政府工作报告" => "Article",
        "决议" => "Notice",
        "部门规章" => "PolicyDocument",
        _ => "GazetteArticle",
    };

    public static string ColumnOf(string category) => category switch
    {
        "国务院文件" => "/zwgk/zcwj",
        "政府工作报告" => "/zwgk/gzbg",
        "决议" => "/zwgk/gzbg/jy",
        _ => "/zwgk/fgwj",
    };

    public static List<SearchDocument> Load(string? path = null)
    {
        var raw = LoadRaw(path);
        // Several versions of one regulation: the newest is in force, older ones are 失效.
        var newest = raw.GroupBy(r => r.Title)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Date ?? "").ThenBy(r => r.Id, StringComparer.Ordinal).First().Id);
        return raw.Select(r => ToDocument(r, newest[r.Title] == r.Id)).ToList();
    }

    public static SearchDocument ToDocument(Raw r, bool inForce)
    {
        var written = r.Date is null ? (DateOnly?)null : DateOnly.Parse(r.Date);
        var published = DateOnly.TryParse(r.PublishedDate, out var p) ? p : written ?? new DateOnly(2000, 1, 1);
        var site = Sites[Hash(r.Id) % Sites.Length];
        return new SearchDocument
        {
            Id = r.Id,
            SiteKey = site,
            SiteName = SiteNames[site],
            ContentType = TypeOf(r.Category),
            ColumnPath = ColumnOf(r.Category),
            Title = r.Title,
            Body = r.Body,
            DocumentNumber = r.DocNumber,
            Issuer = r.Issuer,
            PublishedAt = new DateTimeOffset(published.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)),
            WrittenDate = written,
            Validity = inForce ? "有效" : "失效",
            Url = $"https://www.fh.gov.cn/art/{r.Id}.html",
            IsPublic = Hash(r.Id + "#public") % 40 != 0,
            GazetteYear = r.GazetteYear,
            GazetteIssue = r.GazetteIssue,
            GazetteSection = r.GazetteSection,
        };
    }
}
