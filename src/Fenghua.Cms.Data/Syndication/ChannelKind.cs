namespace Fenghua.Cms.Data.Syndication;

/// <summary>The new-media platforms a body can register (两微一端: the app pulls the JSON feed and content API instead).</summary>
public enum ChannelKind
{
    /// <summary>微信公众号</summary>
    WeChat,
    /// <summary>微博</summary>
    Weibo,
}
