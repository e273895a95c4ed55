namespace Fenghua.Cms.Theming.Public;

// What templates see. Members are exposed to Liquid in snake_case (site.site_id_code, item.pub_date).

public sealed record SiteView(
    string Key, string Name, string HomeUrl, bool IsPortal, string SiteName, string SiteDomain, string SiteIdCode,
    string IcpNumber, string PublicSecurityNumber, string Organiser, string ContactPhone, string ContactAddress,
    string ContactEmail, string LogoUrl, string ThemeColor);

public sealed record NavItem(string Name, string Url, bool Active);

public sealed record SiteLink(string Key, string Name, string Url, string Group);

public sealed record MetaTag(string Name, string Content);

public sealed record ItemLink(int Id, string Title, string Url, string Date, string ContentType, string Summary, string? DocumentNumber)
{
    /// <summary>URL of the item's picture (first image attachment), if any.</summary>
    public string? Image { get; init; }

    /// <summary>For an item shared from another site (信息报送): that site's name, shown as its source.</summary>
    public string? SourceSite { get; init; }
}

public sealed record ColumnView(int Id, string Name, string Path, string Url, string Description, string Kind, string? PageHtml, IReadOnlyList<NavItem> Children, IReadOnlyList<NavItem> Breadcrumb);

public sealed record GovDocumentView(
    string? DocumentNumber, bool DocumentNumberMalformed, string? IndexNumber, string? Issuer, string? WrittenDate,
    string PublishedDate, string? Topic, string? Validity, string? Keywords, string? Summary);

public sealed record ArticleView(
    int Id, string Title, string Url, string ContentType, string TypeName, string Date, string PubDate, string ChineseDate,
    string BodyHtml, string Summary, string Keywords, string Author, string Source, GovDocumentView? Document,
    IReadOnlyList<ItemLink> Interpretations, ItemLink? Policy, string? InterpretationForm, string? Interpreter,
    IReadOnlyList<AttachmentView> Attachments);

public sealed record AttachmentView(string Name, string Url)
{
    private static readonly string[] ImageExtensions = [".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp"];

    /// <summary>Pictures are shown in the article; other files are listed as downloads.</summary>
    public bool IsImage => IsImageUrl(Url);

    public static bool IsImageUrl(string url)
    {
        var path = url.Split('?', '#')[0];
        return ImageExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }
}

public sealed record PagerView(int Page, int Pages, int Total, string? PreviousUrl, string? NextUrl);
