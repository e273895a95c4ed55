using Fenghua.Cms.Core.Columns;
using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Theming.Public;

/// <summary>
/// The government page meta tags (政府网站发展指引): the site group on every page, the column group
/// on column and content pages, the article group on content pages.
/// </summary>
public static class PageMeta
{
    public static List<MetaTag> ForSite(Site site) =>
    [
        new("SiteName", site.Settings.SiteName),
        new("SiteDomain", site.Settings.SiteDomain),
        new("SiteIDCode", site.Settings.SiteIdCode),
    ];

    public static void AddColumn(List<MetaTag> tags, Column column)
    {
        tags.Add(new("ColumnName", column.Name));
        tags.Add(new("ColumnDescription", column.Description.Length > 0 ? column.Description : column.Name));
        tags.Add(new("ColumnKeywords", column.Keywords.Length > 0 ? column.Keywords : column.Name));
        tags.Add(new("ColumnType", column.ColumnType.Length > 0 ? column.ColumnType : column.Name));
    }

    public static void AddArticle(List<MetaTag> tags, ArticleView a, string absoluteUrl, string? image)
    {
        tags.Add(new("ArticleTitle", a.Title));
        tags.Add(new("PubDate", a.PubDate));
        tags.Add(new("ContentSource", a.Source));
        tags.Add(new("Keywords", a.Keywords));
        tags.Add(new("Author", a.Author));
        tags.Add(new("Description", a.Summary));
        tags.Add(new("Image", image ?? ""));
        tags.Add(new("Url", absoluteUrl));
    }
}
