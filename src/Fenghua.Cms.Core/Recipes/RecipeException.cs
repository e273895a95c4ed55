namespace Fenghua.Cms.Core.Recipes;

/// <summary>A recipe mistake: which recipe, which step, where in the JSON, and what rule it broke.</summary>
public sealed class RecipeException(string recipe, int step, string stepName, string jsonPath, string problem)
    : Exception($"配方 {recipe} 第 {step + 1} 步（{stepName}）在 {jsonPath}：{problem}")
{
    public string Recipe { get; } = recipe;
    public int Step { get; } = step;
    public string StepName { get; } = stepName;
    public string JsonPath { get; } = jsonPath;
    public string Problem { get; } = problem;
}
