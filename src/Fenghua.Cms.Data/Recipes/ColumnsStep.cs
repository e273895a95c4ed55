using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Sites;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data.Recipes;

/// <summary>
/// { "step": "columns", "site": "portal", "columns": [ { "slug", "name", "kind", "contentTypes", "children": [ ... ] } ] }.
/// Paths are built from the slugs; a column that exists is updated in place.
/// </summary>
public sealed partial class ColumnsStep : IRecipeStep
{
    public string Name => "columns";

    public async Task RunAsync(RecipeStepContext context, JsonObject step, CancellationToken ct)
    {
        var site = await context.SiteAsync(step, ct);
        if (step["columns"] is not JsonArray columns) throw context.Fail(".columns", "缺少 columns 数组。");
        var knownTypes = await context.Db.ContentTypes.Select(t => t.Name).ToListAsync(ct);
        await AddAsync(context, site, null, "", columns, ".columns", knownTypes, ct);
    }

    private static async Task AddAsync(RecipeStepContext context, Site site, Column? parent, string parentPath, JsonArray list, string path, List<string> knownTypes, CancellationToken ct)
    {
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{path}[{i}]";
            if (list[i] is not JsonObject c) throw context.Fail(at, "必须是 JSON 对象。");
            var slug = context.Required(c, "slug", at);
            if (!SlugPattern().IsMatch(slug)) throw context.Fail(at + ".slug", $"栏目路径“{slug}”无效：只能使用小写字母、数字和连字符。");
            var full = parentPath.Length == 0 ? slug : parentPath + "/" + slug;
            var column = await context.Db.CrossSite<Column>().FirstOrDefaultAsync(x => x.SiteId == site.Id && x.Path == full, ct);
            if (column is null) context.Db.Columns.Add(column = new Column { SiteId = site.Id, Path = full });
            column.ParentId = parent?.Id;
            column.Name = context.Required(c, "name", at);
            column.Description = c["description"]?.GetValue<string>() ?? "";
            column.Keywords = c["keywords"]?.GetValue<string>() ?? "";
            column.ColumnType = c["columnType"]?.GetValue<string>() ?? "";
            var kind = c["kind"]?.GetValue<string>() ?? "list";
            column.Kind = kind switch
            {
                "list" => ColumnKind.List,
                "page" => ColumnKind.SinglePage,
                "link" => ColumnKind.Link,
                _ => throw context.Fail(at + ".kind", $"栏目类型“{kind}”无效：应为 list、page 或 link。"),
            };
            column.ContentTypes = (c["contentTypes"] as JsonArray)?.Select(t => t!.GetValue<string>()).ToList() ?? [];
            foreach (var t in column.ContentTypes.Where(t => !knownTypes.Contains(t)))
                throw context.Fail(at + ".contentTypes", $"内容类型“{t}”未定义。");
            column.UpdateEveryDays = c["updateEveryDays"]?.GetValue<int>();
            column.LinkUrl = c["linkUrl"]?.GetValue<string>();
            if (column.Kind == ColumnKind.Link && string.IsNullOrWhiteSpace(column.LinkUrl))
                throw context.Fail(at + ".linkUrl", "链接栏目需要 linkUrl。");
            column.PageMarkdown = c["page"]?.GetValue<string>()
                ?? (c["pageFile"]?.GetValue<string>() is { } file ? context.Source.ReadContentFile(file) ?? throw context.Fail(at + ".pageFile", $"找不到文件 {file}。") : null);
            column.Order = c["order"]?.GetValue<int>() ?? i;
            column.ShowInNavigation = c["nav"]?.GetValue<bool>() ?? true;
            await context.Db.SaveChangesAsync(ct);
            if (c["children"] is JsonArray children)
                await AddAsync(context, site, column, full, children, at + ".children", knownTypes, ct);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex SlugPattern();
}
