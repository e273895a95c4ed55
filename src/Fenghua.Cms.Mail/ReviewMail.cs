namespace Fenghua.Cms.Mail;

/// <summary>Notifications of the review workflow (公开前审查). Pass absolute URLs into the admin.</summary>
public static class ReviewMail
{
    /// <summary>To a reviewer: an item waits for their review (level: 初审 / 终审, or null for a single level).</summary>
    public static MailRequest Waiting(MailRecipient reviewer, string siteName, string itemTitle, string submittedBy, string reviewUrl, string? level = null) =>
        new MailBody(reviewer.DisplayName)
            .Paragraph($"“{siteName}”有一篇稿件等待您{level ?? ""}审核。")
            .Field("站点", siteName)
            .Field("标题", itemTitle)
            .Field("提交人", submittedBy)
            .Field("审核级别", level)
            .Link("打开审核页面", reviewUrl)
            .ToRequest(reviewer, $"【待审核】{siteName}：{itemTitle}", MailKinds.ReviewWaiting);

    /// <summary>To the author: the item was approved (and, with a public URL, published).</summary>
    public static MailRequest Approved(MailRecipient author, string siteName, string itemTitle, string reviewer, string? publicUrl, string? adminUrl = null) =>
        new MailBody(author.DisplayName)
            .Paragraph(publicUrl is null ? "您提交的稿件已通过审核。" : "您提交的稿件已通过审核并发布。")
            .Field("站点", siteName)
            .Field("标题", itemTitle)
            .Field("审核人", reviewer)
            .Link("查看已发布页面", publicUrl)
            .Link("在后台查看", adminUrl)
            .ToRequest(author, $"【已通过】{siteName}：{itemTitle}", MailKinds.ReviewApproved);

    /// <summary>To the author: the reviewer sent the item back with a comment.</summary>
    public static MailRequest SentBack(MailRecipient author, string siteName, string itemTitle, string reviewer, string comment, string editUrl) =>
        new MailBody(author.DisplayName)
            .Paragraph("您提交的稿件被退回修改。")
            .Field("站点", siteName)
            .Field("标题", itemTitle)
            .Field("审核人", reviewer)
            .Field("退回意见", comment)
            .Link("修改稿件", editUrl)
            .ToRequest(author, $"【退回修改】{siteName}：{itemTitle}", MailKinds.ReviewSentBack);
}
