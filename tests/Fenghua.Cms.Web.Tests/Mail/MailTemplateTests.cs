using Fenghua.Cms.Mail;

namespace Fenghua.Cms.Web.Tests.Mail;

/// <summary>The notification templates: same facts in both bodies, values encoded in HTML.</summary>
public sealed class MailTemplateTests
{
    [Fact]
    public void Sent_back_mail_carries_the_comment_in_both_bodies_and_encodes_it_in_HTML()
    {
        var m = ReviewMail.SentBack(new MailRecipient("a@fh.gov.cn", "张作者"), "区财政局", "预算<说明>", "王审核", "第 3 段有 <script>alert(1)</script>", "https://x/admin/items/1?a=1&b=2");
        Assert.Equal("【退回修改】区财政局：预算<说明>", m.Subject);
        Assert.Equal(MailKinds.ReviewSentBack, m.Kind);
        Assert.Contains("退回意见：第 3 段有 <script>alert(1)</script>", m.TextBody);
        Assert.Contains("第 3 段有 &lt;script&gt;alert(1)&lt;/script&gt;", m.HtmlBody);
        Assert.DoesNotContain("<script>", m.HtmlBody);
        Assert.Contains("href=\"https://x/admin/items/1?a=1&amp;b=2\"", m.HtmlBody);
        Assert.StartsWith("张作者，您好：", m.TextBody);
    }

    [Fact]
    public void Each_notification_has_its_kind_and_a_Chinese_subject()
    {
        var to = new MailRecipient("x@fh.gov.cn", "");
        Assert.Equal(MailKinds.ReviewWaiting, ReviewMail.Waiting(to, "门户", "标题", "李编辑", "https://x/r").Kind);
        Assert.Equal("【已通过】门户：标题", ReviewMail.Approved(to, "门户", "标题", "王审核", "https://x/p").Subject);
        var job = JobMail.Failed(to, "门户", "定时下线", "标题", "超时", new DateTimeOffset(2026, 1, 2, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal("【任务失败】门户：定时下线", job.Subject);
        Assert.Contains("2026-01-03 00:30（北京时间）", job.TextBody);
        Assert.StartsWith("您好：", job.TextBody);
    }
}
