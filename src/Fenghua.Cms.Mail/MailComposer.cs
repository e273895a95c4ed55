using Fenghua.Cms.Data.Mail;
using MimeKit;

namespace Fenghua.Cms.Mail;

/// <summary>Turns a queued mail into a MIME message: encoded Chinese headers, text and (optionally) HTML alternatives.</summary>
public static class MailComposer
{
    public static MimeMessage Compose(OutgoingMail mail, MailboxAddress from)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Subject = mail.Subject;
        message.Date = mail.CreatedUtc;
        // Stable per queued mail, so a receiving system can recognise a duplicate.
        message.MessageId = $"fenghua-mail-{mail.Id}-{mail.CreatedUtc.ToUnixTimeMilliseconds()}@{Domain(from)}";
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Fenghua-Mail-Kind", mail.Kind);
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Domain(MailboxAddress from)
    {
        var at = from.Address.LastIndexOf('@');
        return at >= 0 && at < from.Address.Length - 1 ? from.Address[(at + 1)..] : "localhost";
    }
}
