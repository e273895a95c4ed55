using System.Text.Json;
using Fenghua.Cms.Core;
using Fluid;

namespace Fenghua.Cms.Theming.Themes;

/// <summary>The themes on disk. A theme.json names the theme and its base theme (inheritance).</summary>
public sealed class ThemeRegistry
{
    private readonly Dictionary<string, Theme> _themes = new(StringComparer.OrdinalIgnoreCase);

    public ThemeRegistry(ProductPaths paths)
    {
        Root = paths.ThemesPath;
        var manifests = Directory.Exists(Root)
            ? Directory.GetDirectories(Root).Where(d => File.Exists(Path.Combine(d, "theme.json")))
                .ToDictionary(d => Path.GetFileName(d)!, d => JsonSerializer.Deserialize<Manifest>(File.ReadAllText(Path.Combine(d, "theme.json")), JsonOptions)!, StringComparer.OrdinalIgnoreCase)
            : [];
        foreach (var (name, manifest) in manifests)
        {
            var folders = new List<string>();
            for (string? n = name; n is not null; n = manifests.TryGetValue(n, out var m) ? m.BaseTheme : null)
            {
                if (folders.Count > 5 || !manifests.ContainsKey(n)) throw new InvalidOperationException($"主题 {name} 的基础主题链无效（{n}）。");
                folders.Add(Path.Combine(Root, n!));
            }
            var options = new TemplateOptions
            {
                FileProvider = Theme.FileProvider(folders),
                MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },
                MaxSteps = 1_000_000,
            };
            _themes[name!] = new Theme(name!, manifest.BaseTheme, manifest.Description ?? "", folders, options);
        }
    }

    public string Root { get; }

    public IEnumerable<Theme> All => _themes.Values;

    public Theme Get(string name) =>
        _themes.TryGetValue(name, out var t) ? t : _themes.TryGetValue("Portal", out var p) ? p : throw new InvalidOperationException($"主题 {name} 不存在，且没有 Portal 主题可用（主题目录：{Root}）。");

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record Manifest(string Name, string? BaseTheme, string? Description);
}
