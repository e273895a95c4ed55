using Fenghua.Cms.Data.Syndication;

namespace Fenghua.Cms.Syndication.Pushes;

/// <summary>How the admin names a push's state and step in Chinese.</summary>
public static class PushLabels
{
    /// <summary>The state of one push; a pending push that already failed once waits for its next attempt.</summary>
    public static string State(PushState state, int attempts) => state switch
    {
        PushState.Pending => attempts > 0 ? "等待重试" : "推送中",
        PushState.Succeeded => "已推送",
        _ => "推送失败",
    };

    /// <summary>The states as the filter offers them.</summary>
    public static string Filter(PushState state) => state switch
    {
        PushState.Pending => "待推送（含等待重试）",
        PushState.Succeeded => "已推送",
        _ => "推送失败",
    };

    public static string Step(string step, ChannelKind kind) => step switch
    {
        PushSteps.Check => "检查内容",
        PushSteps.Images => "上传正文图片",
        PushSteps.Cover => "上传封面",
        PushSteps.Draft => "新建草稿",
        PushSteps.Publish => kind == ChannelKind.Weibo ? "发布微博" : "提交发布",
        PushSteps.Poll => "等待发布结果",
        PushSteps.Done => "完成",
        _ => step,
    };
}
