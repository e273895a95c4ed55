namespace Fenghua.Cms.Search;

/// <summary>One facet bucket: a field value and how many matching documents have it.</summary>
public sealed record FacetValue(string Value, int Count);
