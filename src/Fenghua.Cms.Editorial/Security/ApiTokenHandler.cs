using System.Security.Claims;
using System.Text.Encodings.Web;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Editorial;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fenghua.Cms.Editorial.Security;

/// <summary>Authenticates `Authorization: Bearer fht_…` against the stored token hashes; answers 401/403 as problem+json.</summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CmsDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(ApiTokens.Prefix, StringComparison.Ordinal)) return AuthenticateResult.Fail("令牌格式无效。");
        var hash = ApiTokens.Hash(token);
        var row = await db.ApiTokens.FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedUtc == null, Context.RequestAborted);
        if (row is null) return AuthenticateResult.Fail("令牌无效或已吊销。");
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == row.UserId, Context.RequestAborted);
        if (user is null || user.LockoutEnd > clock.GetUtcNow()) return AuthenticateResult.Fail("令牌所属用户不存在或已锁定。");
        row.LastUsedUtc = clock.GetUtcNow();
        await db.SaveChangesAsync(Context.RequestAborted);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName ?? ""), new Claim("token", row.Name)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Api.Problems.Write(Context, 401, "需要身份验证", "请在 Authorization 头中提供有效的 Bearer 令牌。", "Authorization");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Api.Problems.Write(Context, 403, "无权操作", "令牌所属用户在该站点没有此权限。", null);
}
