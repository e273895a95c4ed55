namespace Fenghua.Cms.Data.Syndication;

public enum ShareState
{
    /// <summary>待审核</summary>
    Submitted,
    /// <summary>已采用</summary>
    Accepted,
    /// <summary>未采用</summary>
    Declined,
}
