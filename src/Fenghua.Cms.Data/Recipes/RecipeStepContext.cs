using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Recipes;
using Fenghua.Cms.Core.Sites;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data.Recipes;

/// <summary>What a step needs: the store, where it is in the recipe (for error messages), and the recipe folder.</summary>
public sealed class RecipeStepContext(CmsDbContext db, RecipeSource source, string recipe, int step, string stepName, Actor actor)
{
    public CmsDbContext Db { get; } = db;
    public RecipeSource Source { get; } = source;
    public string Recipe { get; } = recipe;
    public int Step { get; } = step;
    public Actor Actor { get; } = actor;
    public string Path => $"$.steps[{Step}]";

    public RecipeException Fail(string relativePath, string problem) =>
        new(Recipe, Step, stepName, Path + relativePath, problem);

    public string Required(JsonObject node, string field, string path)
    {
        var value = node[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrWhiteSpace(value)) throw Fail($"{path}.{field}", $"缺少必填字段 {field}。");
        return value;
    }

    public async Task<Site> SiteAsync(JsonObject step, CancellationToken ct)
    {
        var key = Required(step, "site", "");
        return await Db.Sites.FirstOrDefaultAsync(s => s.Key == key, ct) ?? throw Fail(".site", $"站点“{key}”不存在。");
    }
}
