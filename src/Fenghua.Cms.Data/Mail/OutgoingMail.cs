namespace Fenghua.Cms.Data.Mail;

/// <summary>
/// One mail waiting to go out, written in the unit of work of the change that caused it so it is sent
/// if and only if that change commits. A sender claims it with a conditional update before sending.
/// </summary>
public sealed class OutgoingMail
{
    public long Id { get; set; }

    /// <summary>The site whose change caused the mail (null for installation-wide mail); informational, not a filter.</summary>
    public int? SiteId { get; set; }

    public string Kind { get; set; } = "";
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }

    public OutgoingMailState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset NextAttemptUtc { get; set; }

    /// <summary>Set by the claiming update; a row stuck in Sending past its claim has an unknown outcome.</summary>
    public DateTimeOffset? ClaimedUtc { get; set; }
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? SentUtc { get; set; }
    public string? LastError { get; set; }
}
