using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Markdown;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Gazette;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Gazette;

/// <summary>
/// Open data: one year of the gazette as a zip — documents/{id}.json (metadata, Markdown and plain text),
/// issues/{issue}/issue.json (metadata and table of contents), issues/{issue}/*.pdf (printed edition),
/// and manifest.json listing every file with its size and SHA-256.
/// </summary>
public sealed class GazetteBulkExport(GazetteReader reader, CmsDbContext db, GazettePdfStore pdfs)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Returns null when the year has no issues.</summary>
    public async Task<byte[]?> BuildAsync(string siteKey, int year, string absoluteBase, CancellationToken ct)
    {
        var issues = await db.GazetteIssues.AsNoTracking().Where(i => i.Year == year).OrderBy(i => i.Issue).ToListAsync(ct);
        if (issues.Count == 0) return null;
        var files = new List<(string Path, byte[] Bytes)>();
        foreach (var issue in issues)
        {
            var sections = await reader.ContentsAsync("", issue, ct);
            var articles = await reader.ArticlesOfAsync(issue, ct);
            var pdf = pdfs.Find(siteKey, issue.Year, issue.Issue);
            var pdfName = pdf is null ? null : $"gazette-{issue.Year}-{issue.Issue}.pdf";
            var issueJson = new JsonObject
            {
                ["year"] = issue.Year, ["issue"] = issue.Issue, ["total_issue"] = issue.TotalIssue,
                ["label"] = GazetteCitation.IssueLabel(issue.Year, issue.Issue, issue.TotalIssue),
                ["publication_date"] = issue.PublicationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["url"] = absoluteBase + GazetteReader.IssueUrl("", issue.Year, issue.Issue),
                ["pdf"] = pdfName,
                ["sections"] = new JsonArray(sections.Select(s => (JsonNode)new JsonObject
                {
                    ["name"] = s.Name,
                    ["documents"] = new JsonArray(s.Documents.Select(d => (JsonNode)new JsonObject
                    {
                        ["id"] = d.Id, ["title"] = d.Title, ["document_number"] = d.DocumentNumber, ["order"] = d.Order,
                        ["file"] = $"documents/{d.Id}.json",
                    }).ToArray()),
                }).ToArray()),
            };
            files.Add(($"issues/{issue.Issue}/issue.json", JsonSerializer.SerializeToUtf8Bytes(issueJson, Json)));
            if (pdf is not null) files.Add(($"issues/{issue.Issue}/{pdfName}", await File.ReadAllBytesAsync(pdf.FullName, ct)));

            var versionIds = await db.ContentItems.AsNoTracking().Where(i => articles.Select(a => a.ContentItemId).Contains(i.Id)).Select(i => new { i.Id, i.PublishedVersionId }).ToListAsync(ct);
            var ids = versionIds.Where(v => v.PublishedVersionId != null).Select(v => v.PublishedVersionId!.Value).ToList();
            var versions = await db.ContentVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.ContentItemId, ct);
            foreach (var a in articles)
            {
                var markdown = versions.TryGetValue(a.ContentItemId, out var v) ? v.PartString("MarkdownBody", "markdown") : null;
                var doc = new JsonObject
                {
                    ["id"] = a.ContentItemId, ["source_id"] = a.SourceId, ["title"] = a.Title,
                    ["document_number"] = a.DocumentNumberDisplay, ["document_number_as_printed"] = a.DocumentNumber, ["issuer"] = a.Issuer,
                    ["written_date"] = a.WrittenDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["publication_date"] = a.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["year"] = a.Year, ["issue"] = a.Issue, ["section"] = a.Section, ["order"] = a.Order,
                    ["page_from"] = a.PageFrom, ["page_to"] = a.PageTo, ["policy_id"] = a.PolicyItemId,
                    ["url"] = $"{absoluteBase}/{a.PublicPath}",
                    ["markdown"] = markdown,
                    ["text"] = MarkdownRenderer.Instance.ToPlainText(markdown),
                };
                files.Add(($"documents/{a.ContentItemId}.json", JsonSerializer.SerializeToUtf8Bytes(doc, Json)));
            }
        }
        var manifest = new JsonObject
        {
            ["gazette"] = siteKey, ["year"] = year, ["issues"] = issues.Count,
            ["documents"] = files.Count(f => f.Path.StartsWith("documents/", StringComparison.Ordinal)),
            ["algorithm"] = "SHA-256",
            ["files"] = new JsonArray(files.Select(f => (JsonNode)new JsonObject
            {
                ["path"] = f.Path, ["bytes"] = f.Bytes.Length, ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(f.Bytes)),
            }).ToArray()),
        };
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in files.Append(("manifest.json", JsonSerializer.SerializeToUtf8Bytes(manifest, Json))))
            {
                var entry = zip.CreateEntry($"gazette-{year}/{path}", path.EndsWith(".pdf", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                await using var s = entry.Open();
                await s.WriteAsync(bytes, ct);
            }
        }
        return zipped.ToArray();
    }
}
