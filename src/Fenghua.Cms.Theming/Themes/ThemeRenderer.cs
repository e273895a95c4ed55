using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;

namespace Fenghua.Cms.Theming.Themes;

/// <summary>
/// Renders Liquid templates of a theme, HTML-encoding every output unless a template says `| raw`.
/// Parsed templates are cached and re-read when the file changes, so a theme edit needs no rebuild.
/// </summary>
public sealed class ThemeRenderer
{
    private static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false });
    // Encodes markup characters but leaves Chinese text readable (and a third of the size).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private readonly ConcurrentDictionary<string, (DateTime Written, IFluidTemplate Template)> _cache = new();

    /// <summary>Renders template <paramref name="name"/> of the theme, then the theme's layout around it.</summary>
    public async Task<string> RenderPageAsync(Theme theme, string name, IReadOnlyDictionary<string, object?> model)
    {
        var context = new TemplateContext(theme.Options) { CultureInfo = System.Globalization.CultureInfo.GetCultureInfo("zh-CN") };
        foreach (var (key, value) in model) context.SetValue(key, value);
        var body = await Load(theme, name).RenderAsync(context, Encoder);
        context.SetValue("content", body);
        return await Load(theme, "layout").RenderAsync(context, Encoder);
    }

    private IFluidTemplate Load(Theme theme, string name)
    {
        var path = theme.FindTemplate(name) ?? throw new FileNotFoundException($"主题 {theme.Name} 缺少模板 {name}.liquid。");
        var written = File.GetLastWriteTimeUtc(path);
        if (_cache.TryGetValue(path, out var hit) && hit.Written == written) return hit.Template;
        if (!Parser.TryParse(File.ReadAllText(path), out var template, out var error))
            throw new InvalidOperationException($"模板 {path} 有语法错误：{error}");
        _cache[path] = (written, template);
        return template;
    }
}
