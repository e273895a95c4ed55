namespace Fenghua.Cms.Mail;

/// <summary>Why a mail was sent; stored with the mail.</summary>
public static class MailKinds
{
    public const string ReviewWaiting = "review.waiting";
    public const string ReviewApproved = "review.approved";
    public const string ReviewSentBack = "review.sentBack";
    public const string JobFailed = "job.failed";
}
