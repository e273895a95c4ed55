namespace Fenghua.Cms.Core.Columns;

public enum ColumnKind
{
    /// <summary>列表: lists content items.</summary>
    List,
    /// <summary>单页: shows its own page text.</summary>
    SinglePage,
    /// <summary>链接: points elsewhere.</summary>
    Link,
}
