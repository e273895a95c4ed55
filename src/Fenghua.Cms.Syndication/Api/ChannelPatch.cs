using System.Text.Json.Nodes;
using Fenghua.Cms.Core;
using Fenghua.Cms.Syndication.Channels;

namespace Fenghua.Cms.Syndication.Api;

/// <summary>
/// A PATCH body for a channel: only the members sent change (name, appId, safeDomain, apiBaseUrl); the rest keep their
/// stored value. null or "" for apiBaseUrl means the platform's official address. The kind and the secret are not here;
/// the read-only members of the view (id, site, enabled, createdUtc, an unchanged kind) are ignored, any other member is an error
/// so a misspelt one is not silently dropped.
/// </summary>
public static class ChannelPatch
{
    private static readonly string[] Members = ["name", "appId", "safeDomain", "apiBaseUrl"];

    /// <summary>Members of the channel as the API shows it that cannot change here; a client may send the view back with them.</summary>
    private static readonly string[] ReadOnly = ["id", "site", "enabled", "createdUtc"];

    public static ChannelEdit Apply(ChannelView current, JsonObject body)
    {
        var errors = new List<ValidationError>();
        foreach (var (key, value) in body)
        {
            if (ReadOnly.Contains(key)) continue;
            if (key == "kind")
            {
                if (!string.Equals(JsonBody.Str(body, key), current.Kind.ToString(), StringComparison.OrdinalIgnoreCase))
                    errors.Add(new(key, "渠道类型登记后不能修改；如需改用另一种账号，请另行登记渠道。"));
            }
            else if (key == "secret") errors.Add(new(key, "密钥请用 POST …/channels/{id}/secret 更换，不能在此修改。"));
            else if (!Members.Contains(key))
                errors.Add(new(key, $"未知字段“{key}”：可修改的字段为 name、appId、safeDomain、apiBaseUrl。"));
            else if (value is not null && !(value is JsonValue v && v.TryGetValue<string>(out _)))
                errors.Add(new(key, $"字段 {key} 必须是字符串。"));
        }
        if (errors.Count > 0) throw new ValidationException(errors);
        string? Pick(string name, string stored) => body.ContainsKey(name) ? JsonBody.Str(body, name) ?? "" : stored;
        return new ChannelEdit(Pick("name", current.Name), Pick("appId", current.AppId), Pick("safeDomain", current.SafeDomain), Pick("apiBaseUrl", current.ApiBaseUrl));
    }
}
