using System.Security.Cryptography;
using System.Text;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data.Audit;

namespace Fenghua.Cms.Data.Editorial;

/// <summary>Issues API tokens (printed once) and finds the token row for a presented bearer value.</summary>
public static class ApiTokens
{
    public const string Prefix = "fht_";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Creates a token for <paramref name="userId"/>; returns the plain token, which is not stored.</summary>
    public static async Task<string> CreateAsync(CmsDbContext db, AuditLog audit, string userId, string userName, string name, Actor actor, DateTimeOffset now, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
            throw new Core.ValidationException([new("name", "令牌名称不能为空，最多 100 字。")]);
        var token = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        db.Set<ApiToken>().Add(new ApiToken { UserId = userId, Name = name, Hash = Hash(token), CreatedUtc = now });
        await audit.AppendAsync(db, actor, "token.create", $"user:{userName}", null, name, ct);
        await db.SaveChangesAsync(ct);
        return token;
    }
}
