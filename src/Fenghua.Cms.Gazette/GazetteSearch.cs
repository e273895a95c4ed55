using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Gazette;
using Fenghua.Cms.Search;
using Fenghua.Cms.Search.Hosting;

namespace Fenghua.Cms.Gazette;

/// <summary>A page of gazette documents with optional facet counts (year, issuer, section).</summary>
public sealed record GazetteSearchResult(int Total, IReadOnlyList<GazetteDocumentView> Documents, IReadOnlyDictionary<string, IReadOnlyList<(string Value, int Count)>> Facets);

/// <summary>
/// Gazette document search: with a term, the search module's index (full text, relevance, highlighting)
/// restricted to this site's GazetteArticle items; without one, the gazette tables (exact filters, by date).
/// </summary>
public sealed class GazetteSearch(GazetteReader reader, SearchIndexHost index, SiteContext site)
{
    public static readonly string[] FacetNames = ["year", "issuer", "section"];

    public async Task<GazetteSearchResult> SearchAsync(string basePath, GazetteDocumentQuery q, bool withFacets, CancellationToken ct)
    {
        if (q.Term is null)
        {
            var (items, total) = await reader.FilterAsync(q, ct);
            var facets = new Dictionary<string, IReadOnlyList<(string, int)>>();
            if (withFacets)
                foreach (var f in FacetNames) facets[f] = await reader.FacetAsync(q, f, ct);
            return new GazetteSearchResult(total, items.Select(a => GazetteReader.DocumentView(basePath, a)).ToList(), facets);
        }

        var result = index.Search(new SearchQuery
        {
            Text = q.Term,
            Sites = [site.Site!.Key],
            ContentType = GazetteArchiveWriter.ArticleType,
            Issuer = q.Issuer,
            GazetteYear = q.Year,
            GazetteIssue = q.Issue,
            GazetteSection = q.Section,
            From = q.From,
            To = q.To,
            Sort = q.Order switch { GazetteOrder.Newest => SearchSort.Newest, GazetteOrder.Oldest => SearchSort.Oldest, _ => SearchSort.Relevance },
            Page = q.Page,
            PerPage = q.PerPage,
            WithFacets = withFacets,
            WithHighlights = true,
        });
        var ids = result.Hits.Select(h => int.TryParse(h.Id, out var id) ? id : 0).Where(id => id > 0).ToList();
        var entries = (await reader.ByIdsAsync(ids, ct)).ToDictionary(a => a.ContentItemId);
        var documents = result.Hits.Where(h => int.TryParse(h.Id, out var id) && entries.ContainsKey(id))
            .Select(h => GazetteReader.DocumentView(basePath, entries[int.Parse(h.Id)]) with { Snippet = h.Snippet, TitleHighlighted = h.TitleHighlighted })
            .ToList();
        var facetsFound = new Dictionary<string, IReadOnlyList<(string, int)>>();
        if (withFacets)
        {
            foreach (var (name, engineName) in new[] { ("year", "gazetteYear"), ("issuer", "issuer"), ("section", "section") })
                facetsFound[name] = result.Facets.TryGetValue(engineName, out var values) ? values.Select(v => (v.Value, v.Count)).ToList() : [];
        }
        return new GazetteSearchResult(result.Total, documents, facetsFound);
    }
}
