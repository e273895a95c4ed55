using Fenghua.Cms.Core.Sites;

namespace Fenghua.Cms.Data.Syndication;

/// <summary>
/// A body's account on a platform (“谁开设、谁主办”: owned by one site). The secret (WeChat app secret or
/// Weibo access token) is stored only encrypted with Data Protection and never shown again.
/// </summary>
public sealed class Channel : ISiteOwned
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public ChannelKind Kind { get; set; }
    public string Name { get; set; } = "";

    /// <summary>WeChat app id or Weibo app key.</summary>
    public string AppId { get; set; } = "";

    public string ProtectedSecret { get; set; } = "";

    /// <summary>Weibo: the approved safe domain the text's link must use; WeChat: unused.</summary>
    public string SafeDomain { get; set; } = "";

    /// <summary>Platform API root (https://api.weixin.qq.com/, https://api.weibo.com/2/); a protocol double in tests.</summary>
    public string ApiBaseUrl { get; set; } = "";

    public bool Enabled { get; set; } = true;
    public DateTimeOffset CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
}
