using System.Text.Json.Nodes;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data.Content;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data.Recipes;

/// <summary>
/// { "step": "content", "site": "portal", "items": [ { "type", "column", "slug", "publish", "publishedAt", "author",
///   "bodyFile", "parts": { ... } } ] }. An Interpretation may name its policy by slug with "policySlug".
/// An item whose slug already exists on the site is left alone, so re-running a recipe adds only what is new.
/// </summary>
public sealed class ContentStep(ContentService content) : IRecipeStep
{
    public string Name => "content";

    public async Task RunAsync(RecipeStepContext context, JsonObject step, CancellationToken ct)
    {
        var site = await context.SiteAsync(step, ct);
        if (step["items"] is not JsonArray items) throw context.Fail(".items", "缺少 items 数组。");
        for (var i = 0; i < items.Count; i++)
        {
            var at = $".items[{i}]";
            if (items[i] is not JsonObject item) throw context.Fail(at, "必须是 JSON 对象。");
            var type = context.Required(item, "type", at);
            var slug = item["slug"]?.GetValue<string>();
            if (slug is not null && await context.Db.CrossSite<ContentItem>().AnyAsync(x => x.SiteId == site.Id && x.Slug == slug, ct))
                continue;

            int? columnId = null;
            if (item["column"]?.GetValue<string>() is { } columnPath)
                columnId = await context.Db.CrossSite<Column>().Where(c => c.SiteId == site.Id && c.Path == columnPath).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct)
                    ?? throw context.Fail(at + ".column", $"栏目“{columnPath}”在站点 {site.Key} 中不存在。");

            var parts = item["parts"]?.DeepClone() as JsonObject ?? [];
            if (item["bodyFile"]?.GetValue<string>() is { } file)
                parts["MarkdownBody"] = new JsonObject { ["markdown"] = context.Source.ReadContentFile(file) ?? throw context.Fail(at + ".bodyFile", $"找不到文件 {file}。") };
            if (parts["Interpretation"] is JsonObject interpretation && interpretation["policySlug"]?.GetValue<string>() is { } policySlug)
            {
                var policyId = await context.Db.CrossSite<ContentItem>().Where(x => x.SiteId == site.Id && x.Slug == policySlug).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct)
                    ?? throw context.Fail(at + ".parts.Interpretation.policySlug", $"找不到别名为“{policySlug}”的政策文件。");
                interpretation.Remove("policySlug");
                interpretation["policyId"] = policyId;
            }

            DateTimeOffset? publishedAt = null;
            if (item["publishedAt"]?.GetValue<string>() is { } when)
                publishedAt = DateTimeOffset.TryParse(when, out var t) ? t : throw context.Fail(at + ".publishedAt", $"时间“{when}”无效：应为 ISO 8601，如 2018-07-31T10:00:00+08:00。");

            var actor = new Actor(item["author"]?.GetValue<string>() ?? context.Actor.Name, context.Actor.Address);
            try
            {
                var created = await content.CreateAsync(new ContentDraft(site.Id, type, parts) { ColumnId = columnId, Slug = slug }, actor, ct);
                if (item["publish"]?.GetValue<bool>() ?? true)
                    await content.PublishAsync(created.Id, actor, publishedAt, ct);
            }
            catch (ValidationException e)
            {
                var first = e.Errors[0];
                throw context.Fail($"{at}.{first.Field}", first.Message);
            }
        }
    }
}
