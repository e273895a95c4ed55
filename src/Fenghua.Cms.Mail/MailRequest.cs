namespace Fenghua.Cms.Mail;

/// <summary>
/// A mail to send. The plain-text body is always sent; with an HTML body the mail is
/// multipart/alternative. Kind names the reason (see <see cref="MailKinds"/>) for the log and the admin.
/// </summary>
public sealed record MailRequest(MailRecipient To, string Subject, string TextBody, string? HtmlBody, string Kind);
