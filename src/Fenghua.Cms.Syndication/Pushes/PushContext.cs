using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data.Syndication;

namespace Fenghua.Cms.Syndication.Pushes;

/// <summary>Everything one step needs: the push, its channel (with the decrypted secret), the item and the version being pushed.</summary>
public sealed record PushContext(ChannelPush Push, Channel Channel, string Secret, Site Site, ContentItem Item, ContentVersion Version)
{
    /// <summary>The article's public page on the site's domain (WeChat's 阅读原文).</summary>
    public string SourceUrl => $"https://{(Site.Settings.SiteDomain.Length > 0 ? Site.Settings.SiteDomain : Channel.SafeDomain)}{Site.PathPrefix}/{Item.PublicPath}";

    /// <summary>The same page on the Weibo app's approved safe domain.</summary>
    public string SafeDomainUrl => $"https://{Channel.SafeDomain}{Site.PathPrefix}/{Item.PublicPath}";
}
