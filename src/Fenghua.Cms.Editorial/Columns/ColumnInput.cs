using Fenghua.Cms.Core.Columns;

namespace Fenghua.Cms.Editorial.Columns;

/// <summary>
/// What an administrator sets on a column. <see cref="ParentId"/> and <see cref="Slug"/> are read only when the
/// column is created: its path is part of every published address under it.
/// </summary>
public sealed record ColumnInput
{
    public int? ParentId { get; init; }
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public ColumnKind Kind { get; init; } = ColumnKind.List;
    public IReadOnlyList<string> ContentTypes { get; init; } = [];
    /// <summary>Null: after the last sibling (new column) or unchanged (edit).</summary>
    public int? Order { get; init; }
    public string? LinkUrl { get; init; }
    public string? PageMarkdown { get; init; }
    public bool ShowInNavigation { get; init; } = true;
    public string Description { get; init; } = "";
}
