using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Core.Columns;

/// <summary>栏目: a navigation node of a site that lists content of given types.</summary>
public sealed class Column : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public int? ParentId { get; set; }

    /// <summary>Full path within the site, lower-case segments joined by '/', e.g. zwgk/zcwj.</summary>
    public string Path { get; set; } = "";

    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string Keywords { get; set; } = "";
    public ColumnKind Kind { get; set; } = ColumnKind.List;

    /// <summary>ColumnType meta tag, e.g. "信息公开，政策文件".</summary>
    public string ColumnType { get; set; } = "";

    /// <summary>Content type names this column lists; empty means the column lists its children's items.</summary>
    public List<string> ContentTypes { get; set; } = [];

    /// <summary>How often the column is expected to be updated, in days (inspection: 14 for news, 180 for notices and policies).</summary>
    public int? UpdateEveryDays { get; set; }

    /// <summary>Target of a link column.</summary>
    public string? LinkUrl { get; set; }

    /// <summary>Body of a single-page column (Markdown).</summary>
    public string? PageMarkdown { get; set; }

    public int Order { get; set; }
    public bool ShowInNavigation { get; set; } = true;

    public int Depth => Path.Count(c => c == '/');
    public string Slug => Path[(Path.LastIndexOf('/') + 1)..];
}
