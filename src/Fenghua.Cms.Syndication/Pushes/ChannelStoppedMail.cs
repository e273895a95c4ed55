using Fenghua.Cms.Mail;

namespace Fenghua.Cms.Syndication.Pushes;

/// <summary>The mail to an author whose item's pending push stopped because an administrator disabled the channel.</summary>
public static class ChannelStoppedMail
{
    public const string Kind = "syndication.channel.disabled";

    public static MailRequest To(MailRecipient to, string siteName, string itemTitle, string channelName, string disabledBy, string disabledAt, string adminUrl) =>
        new MailBody(to.DisplayName)
            .Paragraph($"“{siteName}”的新媒体渠道“{channelName}”已于 {disabledAt} 由 {disabledBy} 停用，您的稿件《{itemTitle}》尚未推送到该渠道，推送已停止。")
            .Paragraph("渠道重新启用后，可在后台“推送记录”或稿件编辑页的“渠道与报送”中点击重试；如需尽快发布，请联系本站管理员。")
            .Field("站点", siteName)
            .Field("渠道", channelName)
            .Link("打开稿件", adminUrl)
            .ToRequest(to, $"推送已停止：《{Short(itemTitle)}》未发到{channelName}（渠道已停用）", Kind);

    private static string Short(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
