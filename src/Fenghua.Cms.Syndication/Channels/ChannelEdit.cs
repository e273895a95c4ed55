namespace Fenghua.Cms.Syndication.Channels;

/// <summary>What an administrator may change on a registered account: everything except its kind and its secret (rotated on its own).</summary>
public sealed record ChannelEdit(string? Name, string? AppId, string? SafeDomain, string? ApiBaseUrl);
