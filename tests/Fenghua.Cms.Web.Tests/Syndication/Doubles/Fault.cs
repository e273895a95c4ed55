namespace Fenghua.Cms.Web.Tests.Syndication.Doubles;

/// <summary>What a double does wrong on one request to one endpoint.</summary>
public enum Fault
{
    /// <summary>HTTP 502 before doing anything.</summary>
    ServerError,
    /// <summary>WeChat errcode -1 (system busy) / Weibo 20016 (too frequent).</summary>
    Busy,
    /// <summary>The access token expires just before this call (WeChat 42001 / Weibo 21327).</summary>
    TokenExpired,
    /// <summary>Does the work, then answers after the client has given up.</summary>
    SlowAfterWork,
    /// <summary>Does the work, then drops the connection without an answer (as if the caller crashed before storing it).</summary>
    DropAfterWork,
    /// <summary>WeChat 45009: the daily quota is used up.</summary>
    Quota,
}
