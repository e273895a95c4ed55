using Ganss.Xss;
using Markdig;

namespace Fenghua.Cms.Core.Markdown;

/// <summary>
/// The one Markdown pipeline for public pages, previews and feeds: Markdig without raw HTML,
/// then an allow-list sanitiser, so editors cannot inject scripts even by mistake.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseGridTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseFootnotes()
        .UseGenericAttributes()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public static MarkdownRenderer Instance { get; } = new();

    public string ToHtml(string? markdown) =>
        string.IsNullOrEmpty(markdown) ? "" : _sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, _pipeline));

    public string ToPlainText(string? markdown) =>
        string.IsNullOrEmpty(markdown) ? "" : Markdig.Markdown.ToPlainText(markdown, _pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedAttributes.Remove("style");
        s.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" }) s.AllowedSchemes.Add(scheme);
        s.AllowedAttributes.Add("id");
        s.AllowedAttributes.Add("class");
        return s;
    }
}
