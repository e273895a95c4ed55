using Fenghua.Cms.Core.Content;

namespace Fenghua.Cms.Mail;

/// <summary>Notifications to administrators about background work.</summary>
public static class JobMail
{
    /// <summary>A scheduled job (e.g. 定时发布) failed; failedUtc is shown in Beijing time.</summary>
    public static MailRequest Failed(MailRecipient administrator, string siteName, string jobName, string? itemTitle, string error, DateTimeOffset failedUtc, string? url = null) =>
        new MailBody(administrator.DisplayName)
            .Paragraph($"计划任务“{jobName}”执行失败，请尽快处理。")
            .Field("站点", siteName)
            .Field("任务", jobName)
            .Field("稿件", itemTitle)
            .Field("失败时间", ShanghaiTime.PubDate(failedUtc) + "（北京时间）")
            .Field("错误信息", error)
            .Link("查看详情", url)
            .ToRequest(administrator, $"【任务失败】{siteName}：{jobName}", MailKinds.JobFailed);
}
