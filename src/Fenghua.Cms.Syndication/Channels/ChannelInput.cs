using Fenghua.Cms.Data.Syndication;

namespace Fenghua.Cms.Syndication.Channels;

/// <summary>What an administrator types to register an account. Secret: WeChat AppSecret or Weibo access token.</summary>
public sealed record ChannelInput(string? Kind, string? Name, string? AppId, string? Secret, string? SafeDomain, string? ApiBaseUrl);

/// <summary>A channel as shown to administrators: never the secret.</summary>
public sealed record ChannelView(int Id, string Site, ChannelKind Kind, string Name, string AppId, string SafeDomain, string ApiBaseUrl, bool Enabled, DateTimeOffset CreatedUtc);
