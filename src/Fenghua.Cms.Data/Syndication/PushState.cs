namespace Fenghua.Cms.Data.Syndication;

public enum PushState
{
    /// <summary>待推送 / 推送中: the worker will take the next step when due.</summary>
    Pending,
    /// <summary>已推送</summary>
    Succeeded,
    /// <summary>推送失败: a permanent error; an editor must change something and retry.</summary>
    Failed,
}
