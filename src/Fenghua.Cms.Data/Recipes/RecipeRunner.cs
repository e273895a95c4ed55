using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Recipes;
using Fenghua.Cms.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data.Recipes;

/// <summary>
/// Runs a JSON recipe: an ordered list of steps, all in one transaction, so a recipe with a
/// mistake fails with the step and JSON path of the problem and changes nothing.
/// A step { "step": "recipe", "name": "...", "parameters": { } } runs another recipe inside this one.
/// </summary>
public sealed class RecipeRunner(CmsDbContext db, RecipeSource source, IEnumerable<IRecipeStep> steps, AuditLog audit)
{
    private readonly Dictionary<string, IRecipeStep> _steps = steps.ToDictionary(s => s.Name);

    public async Task RunAsync(string name, IReadOnlyDictionary<string, string>? parameters, Actor actor, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await RunInsideAsync(name, parameters, actor, depth: 0, ct);
                var summary = parameters is { Count: > 0 } ? string.Join(", ", parameters.Select(p => $"{p.Key}={p.Value}")) : "";
                await audit.AppendAsync(db, actor, "recipe.run", $"recipe:{name}", null, summary, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
        });
    }

    private async Task RunInsideAsync(string name, IReadOnlyDictionary<string, string>? parameters, Actor actor, int depth, CancellationToken ct)
    {
        if (depth > 5) throw new RecipeException(name, -1, "recipe", "$", "配方嵌套超过 5 层。");
        var recipe = source.Load(name, parameters);
        if (recipe["steps"] is not JsonArray list)
            throw new RecipeException(name, -1, "解析", "$.steps", "缺少 steps 数组。");
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject step)
                throw new RecipeException(name, i, "?", $"$.steps[{i}]", "每一步必须是 JSON 对象。");
            var stepName = step["step"]?.GetValue<string>() ?? "";
            var context = new RecipeStepContext(db, source, name, i, stepName, actor);
            if (stepName == "recipe")
            {
                var included = context.Required(step, "name", "");
                var args = (step["parameters"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "");
                await RunInsideAsync(included, args, actor, depth + 1, ct);
                continue;
            }
            if (!_steps.TryGetValue(stepName, out var handler))
                throw context.Fail(".step", $"未知的步骤“{stepName}”；可用：recipe、{string.Join("、", _steps.Keys)}。");
            await handler.RunAsync(context, step, ct);
            await db.SaveChangesAsync(ct);
        }
    }
}
