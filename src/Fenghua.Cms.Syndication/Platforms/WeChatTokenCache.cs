using System.Collections.Concurrent;
using System.Net.Http.Json;
using Fenghua.Cms.Data.Syndication;

namespace Fenghua.Cms.Syndication.Platforms;

/// <summary>
/// One access token per account for the whole process, from cgi-bin/stable_token (which hands every
/// node the same token while it is valid). Refreshed shortly before expiry, or at once with
/// force_refresh when the platform answers 40001/42001.
/// </summary>
public sealed class WeChatTokenCache(IHttpClientFactory clients, TimeProvider clock)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, Entry> _tokens = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    /// <summary>How many tokens this process fetched (operators and tests read it).</summary>
    public int Fetches => _fetches;
    private int _fetches;

    public async Task<string> GetAsync(Channel channel, string secret, CancellationToken ct, string? rejected = null)
    {
        var key = Key(channel, secret);
        if (_tokens.TryGetValue(key, out var cached) && cached.Token != rejected && cached.ExpiresUtc - Margin > clock.GetUtcNow()) return cached.Token;
        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (_tokens.TryGetValue(key, out cached) && cached.Token != rejected && cached.ExpiresUtc - Margin > clock.GetUtcNow()) return cached.Token;
            var http = clients.CreateClient(WeChatClient.HttpClientName);
            var json = await PlatformHttp.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Post, channel.ApiBaseUrl + "cgi-bin/stable_token")
            {
                Content = JsonContent.Create(new { grant_type = "client_credential", appid = channel.AppId, secret, force_refresh = rejected is not null }),
            }, "获取微信 access_token", ct);
            Interlocked.Increment(ref _fetches);
            var code = json["errcode"]?.GetValue<int>() ?? 0;
            if (code != 0) throw WeChatErrors.ToFailure("获取微信 access_token", code, json["errmsg"]?.GetValue<string>());
            var token = json["access_token"]?.GetValue<string>() ?? throw PushFailure.Transient("获取微信 access_token：响应缺少 access_token");
            var expiresIn = json["expires_in"]?.GetValue<int>() ?? 7200;
            _tokens[key] = new Entry(token, clock.GetUtcNow().AddSeconds(expiresIn));
            return token;
        }
        finally { gate.Release(); }
    }

    /// <summary>
    /// The secret's fingerprint is part of the key: after an administrator rotates the secret, every node's next
    /// call fetches a token with the new one instead of using a token the old secret obtained.
    /// </summary>
    private static string Key(Channel c, string secret) =>
        $"{c.Id}|{c.AppId}|{c.ApiBaseUrl}|{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)))[..16]}";

    private sealed record Entry(string Token, DateTimeOffset ExpiresUtc);
}
