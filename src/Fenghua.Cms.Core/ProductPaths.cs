namespace Fenghua.Cms.Core;

/// <summary>
/// Where the product keeps its files. Recipes and themes are found by walking up from the start
/// folder to the repository (so `dotnet run` works from a clone) unless configured. App_Data sits
/// at the top of the clone, so the web host and the CLI share one database; a published build
/// without the clone keeps it beside the binaries.
/// </summary>
public sealed record ProductPaths(string DataPath, string RecipesPath, string ThemesPath)
{
    public static ProductPaths Resolve(string contentRoot, string? dataPath = null, string? recipesPath = null, string? themesPath = null)
    {
        var root = FindUp(contentRoot, "recipes") ?? FindUp(AppContext.BaseDirectory, "recipes") ?? contentRoot;
        return new ProductPaths(
            Path.GetFullPath(dataPath ?? Path.Combine(root, "App_Data")),
            Path.GetFullPath(recipesPath ?? Path.Combine(root, "recipes")),
            Path.GetFullPath(themesPath ?? Path.Combine(root, "themes")));
    }

    private static string? FindUp(string start, string folder)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, folder)) && Directory.Exists(Path.Combine(dir.FullName, "themes")))
                return dir.FullName;
        return null;
    }
}
