namespace Fenghua.Cms.Data.Mail;

public enum OutgoingMailState
{
    /// <summary>Waiting for its next attempt (NextAttemptUtc).</summary>
    Pending = 0,

    /// <summary>Claimed by one sender, which is talking to the SMTP server now.</summary>
    Sending = 1,

    Sent = 2,

    /// <summary>Given up: refused by the server, out of attempts, or interrupted with an unknown outcome.</summary>
    Failed = 3,
}
