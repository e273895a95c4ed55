namespace Fenghua.Cms.Mail;

/// <summary>How the SMTP connection is protected (Fenghua:Mail:Security).</summary>
public enum MailSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
