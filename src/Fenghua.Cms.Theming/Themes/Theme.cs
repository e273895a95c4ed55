using Fluid;
using Microsoft.Extensions.FileProviders;

namespace Fenghua.Cms.Theming.Themes;

/// <summary>A theme folder (themes/&lt;Name&gt;/theme.json + templates + assets), with its base theme's files behind its own.</summary>
public sealed class Theme(string name, string? baseTheme, string description, IReadOnlyList<string> folders, TemplateOptions options)
{
    public string Name { get; } = name;
    public string? BaseTheme { get; } = baseTheme;
    public string Description { get; } = description;

    /// <summary>This theme's folder first, then its ancestors'.</summary>
    public IReadOnlyList<string> Folders { get; } = folders;

    public TemplateOptions Options { get; } = options;

    /// <summary>The nearest folder in the chain that has the template.</summary>
    public string? FindTemplate(string name) =>
        Folders.Select(f => Path.Combine(f, name + ".liquid")).FirstOrDefault(File.Exists);

    /// <summary>URL of an asset, taken from the nearest theme in the chain that has it.</summary>
    public string? AssetTheme(string file) =>
        Folders.Zip(Chain()).FirstOrDefault(p => File.Exists(Path.Combine(p.First, "assets", file))).Second;

    private IEnumerable<string> Chain() => Folders.Select(Path.GetFileName)!;

    public static IFileProvider FileProvider(IEnumerable<string> folders) =>
        new CompositeFileProvider(folders.Select(f => (IFileProvider)new PhysicalFileProvider(f)));
}
