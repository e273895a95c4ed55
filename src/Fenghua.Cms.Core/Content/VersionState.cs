namespace Fenghua.Cms.Core.Content;

public enum VersionState
{
    /// <summary>草稿</summary>
    Draft,
    /// <summary>审核中</summary>
    InReview,
    /// <summary>已发布: at most one version of an item.</summary>
    Published,
    /// <summary>已归档: a version that was published and replaced or withdrawn.</summary>
    Archived,
}
