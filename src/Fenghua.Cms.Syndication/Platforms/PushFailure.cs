namespace Fenghua.Cms.Syndication.Platforms;

/// <summary>
/// A platform call that did not succeed. Transient ones (network, 5xx, busy, expired token, too
/// frequent) are retried with backoff; permanent ones stop the push and tell the editor what to change.
/// </summary>
public sealed class PushFailure(bool permanent, string message, Exception? inner = null, bool refused = false) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;

    /// <summary>
    /// The platform answered the call with an error code, so the call certainly did not take effect. (A timeout, a
    /// dropped connection or an HTTP 5xx leaves that open.)
    /// </summary>
    public bool Refused { get; } = refused;

    public static PushFailure Transient(string message, Exception? inner = null) => new(false, message, inner);

    public static PushFailure Stop(string message) => new(true, message);
}
