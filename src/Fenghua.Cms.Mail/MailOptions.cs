namespace Fenghua.Cms.Mail;

/// <summary>
/// Fenghua:Mail settings. Credentials come from the environment or a secret store
/// (Fenghua__Mail__Password), never from a file in the repository. Without a Host nothing is sent
/// and mail waits in the queue.
/// </summary>
public sealed class MailOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public MailSecurity Security { get; set; } = MailSecurity.None;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender, e.g. "宁波市奉化区人民政府网站 &lt;noreply@fh.gov.cn&gt;".</summary>
    public string? From { get; set; }

    /// <summary>Attempts before a mail that keeps failing temporarily is given up.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failed attempt; doubled after each further one, up to RetryMaxSeconds.</summary>
    public double RetryBaseSeconds { get; set; } = 30;
    public double RetryMaxSeconds { get; set; } = 3600;

    public double PollSeconds { get; set; } = 5;
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>A mail still claimed after this long belonged to a sender that stopped mid-send.</summary>
    public double ClaimTimeoutMinutes { get; set; } = 10;

    public int BatchSize { get; set; } = 20;

    public TimeSpan BackoffAfter(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(RetryMaxSeconds, RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}
