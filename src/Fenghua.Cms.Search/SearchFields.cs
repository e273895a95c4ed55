namespace Fenghua.Cms.Search;

/// <summary>Field names of the index schema; bump <see cref="SchemaVersion"/> when they change.</summary>
internal static class SearchFields
{
    /// <summary>Stored in every commit; a different value makes the index report NeedsRebuild.</summary>
    public const string SchemaVersion = "1";

    public const string Id = "id";
    public const string Site = "site";
    public const string SiteName = "site_name";
    public const string Type = "type";
    public const string Column = "column";
    public const string Title = "title";
    public const string TitleExact = "title_exact";
    public const string Body = "body";
    public const string Issuer = "issuer";
    public const string IssuerText = "issuer_t";
    public const string DocNumber = "docnum";
    public const string DocNumberText = "docnum_t";
    public const string DocNumberKey = "docnum_key";
    public const string DocNumberNorm = "docnum_norm";
    public const string DocNumberYearSeq = "docnum_ys";
    public const string Published = "pub";
    public const string PublishedSort = "pub_dv";
    public const string PublishedDay = "pub_day";
    public const string Year = "year";
    public const string Written = "written";
    public const string Validity = "validity";
    public const string Url = "url";
    public const string GazetteYear = "g_year";
    public const string GazetteIssue = "g_issue";
    public const string GazetteSection = "g_section";

    // Facet doc values (SortedDocValues, one value per document).
    public const string FacetType = "f_type";
    public const string FacetSite = "f_site";
    public const string FacetYear = "f_year";
    public const string FacetIssuer = "f_issuer";
    public const string FacetSection = "f_section";
    public const string FacetGazetteYear = "f_gyear";

    /// <summary>Public facet name → doc-values field.</summary>
    public static readonly (string Name, string Field)[] Facets =
    [
        ("type", FacetType), ("site", FacetSite), ("year", FacetYear), ("issuer", FacetIssuer),
        ("section", FacetSection), ("gazetteYear", FacetGazetteYear),
    ];
}
