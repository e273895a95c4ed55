using System.Globalization;
using System.Text.Json.Nodes;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data.Recipes;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data.Gazette;

/// <summary>
/// { "step": "gazetteIssues", "site": "portal", "issues": [ { "year", "issue", "totalIssue", "publicationDate",
///   "pdfFile" (relative to the recipes folder), "sections": [...], "articles": [ { "section", "order", "title",
///   "documentNumber", "issuer", "writtenDate", "pageFrom", "pageTo", "markdown" | "bodyFile", "summary",
///   "policySlug" (a PolicyDocument of the site instead of a second copy) } ] } ] }.
/// Running it again changes nothing; an article is matched by its 文号 or by its place (year, issue, order).
/// </summary>
public sealed class GazetteRecipeStep(GazetteArchiveWriter writer) : IRecipeStep
{
    public string Name => "gazetteIssues";

    public async Task RunAsync(RecipeStepContext context, JsonObject step, CancellationToken ct)
    {
        var siteKey = context.Required(step, "site", "");
        try
        {
            await writer.OpenAsync(siteKey, ct);
        }
        catch (ValidationException e)
        {
            throw context.Fail(".site", e.Errors[0].Message);
        }
        if (step["issues"] is not JsonArray issues) throw context.Fail(".issues", "缺少 issues 数组。");
        for (var i = 0; i < issues.Count; i++)
        {
            var at = $".issues[{i}]";
            if (issues[i] is not JsonObject o) throw context.Fail(at, "必须是 JSON 对象。");
            var year = Int(context, o, "year", at) ?? throw context.Fail(at + ".year", "缺少必填字段 year。");
            var number = Int(context, o, "issue", at) ?? throw context.Fail(at + ".issue", "缺少必填字段 issue。");
            var dateText = context.Required(o, "publicationDate", at);
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw context.Fail(at + ".publicationDate", $"日期“{dateText}”无效：应为 YYYY-MM-DD。");
            string? pdf = null;
            if (o["pdfFile"]?.GetValue<string>() is { } pdfFile)
            {
                pdf = Path.GetFullPath(Path.Combine(context.Source.Folder, pdfFile));
                if (!pdf.StartsWith(Path.GetFullPath(context.Source.Folder), StringComparison.Ordinal) || !File.Exists(pdf))
                    throw context.Fail(at + ".pdfFile", $"找不到文件 {pdfFile}。");
            }
            var sections = (o["sections"] as JsonArray)?.Select(s => s?.GetValue<string>() ?? "").ToList() ?? [];
            var issue = new GazetteIssueInput(year, number, date) { TotalIssue = Int(context, o, "totalIssue", at), Sections = sections, PdfFile = pdf };
            await WriteAsync(context, at, () => writer.WriteIssueAsync(issue, context.Actor, ct));

            var articles = o["articles"] as JsonArray ?? [];
            for (var j = 0; j < articles.Count; j++)
            {
                var aat = $"{at}.articles[{j}]";
                if (articles[j] is not JsonObject a) throw context.Fail(aat, "必须是 JSON 对象。");
                int? policyId = null;
                if (a["policySlug"]?.GetValue<string>() is { } slug)
                    policyId = await context.Db.CrossSite<ContentItem>().Where(x => x.SiteId == writer.Site.Id && x.Slug == slug && x.PublishedVersionId != null).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct)
                        ?? throw context.Fail(aat + ".policySlug", $"找不到别名为“{slug}”的已发布政策文件。");
                var markdown = a["markdown"]?.GetValue<string>();
                if (a["bodyFile"]?.GetValue<string>() is { } file)
                    markdown = context.Source.ReadContentFile(file) ?? throw context.Fail(aat + ".bodyFile", $"找不到文件 {file}。");
                var article = new GazetteArticleInput(year, number, context.Required(a, "section", aat), Int(context, a, "order", aat) ?? j + 1, context.Required(a, "title", aat))
                {
                    DocumentNumber = a["documentNumber"]?.GetValue<string>(),
                    Issuer = a["issuer"]?.GetValue<string>(),
                    WrittenDate = a["writtenDate"]?.GetValue<string>(),
                    Markdown = markdown,
                    Summary = a["summary"]?.GetValue<string>(),
                    PageFrom = Int(context, a, "pageFrom", aat),
                    PageTo = Int(context, a, "pageTo", aat),
                    PolicyItemId = policyId,
                    SourceId = a["id"]?.GetValue<string>() ?? $"recipe-{year}-{number}-{j + 1}",
                };
                await WriteAsync(context, aat, () => writer.WriteArticleAsync(article, context.Actor, ct));
            }
        }
    }

    private static async Task WriteAsync(RecipeStepContext context, string at, Func<Task<(int, GazetteWriteOutcome)>> write)
    {
        try
        {
            await write();
        }
        catch (ValidationException e)
        {
            var first = e.Errors[0];
            throw context.Fail($"{at}.{first.Field}", first.Message);
        }
    }

    private static int? Int(RecipeStepContext context, JsonObject o, string field, string at)
    {
        if (o[field] is null) return null;
        return o[field] is JsonValue v && v.TryGetValue<int>(out var i) ? i : throw context.Fail($"{at}.{field}", $"{field} 必须是整数。");
    }
}
