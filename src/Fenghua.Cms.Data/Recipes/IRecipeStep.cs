using System.Text.Json.Nodes;

namespace Fenghua.Cms.Data.Recipes;

/// <summary>One kind of recipe step ("site", "columns", "content", ...). Feature modules add their own.</summary>
public interface IRecipeStep
{
    string Name { get; }
    Task RunAsync(RecipeStepContext context, JsonObject step, CancellationToken ct);
}
