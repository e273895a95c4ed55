namespace Fenghua.Cms.Search;

/// <summary>
/// A rejected query parameter: its HTTP name (e.g. "per_page") and the rule it broke,
/// so the HTTP layer can answer 400 problem+json naming the parameter.
/// </summary>
public sealed record SearchQueryError(string Parameter, string Rule);
