using System.Text;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Identity;
using Microsoft.AspNetCore.Identity;
using QRCoder;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>
/// Optional TOTP two-factor sign-in (mandatory on sites where a district administrator requires it): enrolment
/// with a QR code and recovery codes, and the second sign-in step.
/// </summary>
public static class TwoFactorPages
{
    public const string Issuer = "奉化区政务网站";

    public static async Task<IResult> ShowAsync(HttpContext http, UserManager<CmsUser> users, string? msg)
    {
        var user = await users.GetUserAsync(http.User) ?? throw new Review.ForbiddenException("请重新登录。");
        var sb = new StringBuilder(Notice(msg));
        if (user.TwoFactorEnabled)
        {
            sb.Append($"<p>两步验证已启用。剩余恢复码 {await users.CountRecoveryCodesAsync(user)} 个。</p>");
            return Page(http, "两步验证", sb.ToString());
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        return Page(http, "启用两步验证", Enrolment(http, user.UserName!, key!, null));
    }

    public static async Task<IResult> EnableAsync(HttpContext http, UserManager<CmsUser> users, CmsDbContext db, AuditLog audit, IFormCollection form)
    {
        var user = await users.GetUserAsync(http.User) ?? throw new Review.ForbiddenException("请重新登录。");
        var code = form["code"].ToString().Replace(" ", "").Replace("-", "");
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (key is null || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            return Page(http, "启用两步验证", Errors([("code", "验证码不正确或已过期，请输入验证器当前显示的 6 位数字。")]) + Enrolment(http, user.UserName!, key ?? "", code), 400);
        await users.SetTwoFactorEnabledAsync(user, true);
        var recovery = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await audit.AppendAsync(db, AdminEndpoints.Actor(http), "user.2fa.enable", $"user:{user.UserName}", null, "", http.RequestAborted);
        await db.SaveChangesAsync(http.RequestAborted);
        var sb = new StringBuilder("<p class=\"notice\" role=\"status\">两步验证已启用。</p><p>请把下面的恢复码保存在安全的地方（只显示这一次），手机丢失时每个恢复码可代替验证码使用一次：</p><ul class=\"recovery\">");
        foreach (var c in recovery) sb.Append($"<li><code>{H(c)}</code></li>");
        return Page(http, "两步验证", sb.Append("</ul>").ToString());
    }

    public static IResult CodeForm(HttpContext http, string? returnUrl) => CodePage(http, returnUrl, null, 200);

    public static async Task<IResult> VerifyAsync(HttpContext http, SignInManager<CmsUser> signIn, CmsDbContext db, AuditLog audit, IFormCollection form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        var returnUrl = form["returnUrl"].ToString();
        if (user is null) return Results.Redirect(Base(http) + "/admin/login");
        var code = form["code"].ToString().Replace(" ", "").Replace("-", "");
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        var actor = new Actor(user.UserName!, http.Connection.RemoteIpAddress?.ToString());
        await audit.AppendAsync(db, actor, result.Succeeded ? "user.signin" : "user.signin.failed", $"user:{user.UserName}", null,
            result.Succeeded ? "两步验证" : result.IsLockedOut ? "账户已锁定" : "两步验证码错误", http.RequestAborted);
        await db.SaveChangesAsync(http.RequestAborted);
        if (result.Succeeded) return Results.Redirect(LoginPages.SafeReturn(http, returnUrl));
        return CodePage(http, returnUrl, result.IsLockedOut ? "失败次数过多，账户已锁定 15 分钟。" : "验证码不正确。", 400);
    }

    private static IResult CodePage(HttpContext http, string? returnUrl, string? error, int status) => Page(http, "两步验证", $"""
        {Errors(error is null ? [] : [("code", error)])}
        <form method="post" action="{H(Base(http))}/admin/login/2fa" class="login">
          {Antiforgery(http)}
          <input type="hidden" name="returnUrl" value="{H(returnUrl)}">
          <label for="code">验证器上的 6 位验证码（或一个恢复码）</label>
          <input id="code" name="code" autocomplete="one-time-code" inputmode="numeric" required>
          <button type="submit">验证</button>
        </form>
        """, status, nav: false);

    private static string Enrolment(HttpContext http, string userName, string key, string? typed)
    {
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer + ":" + userName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return $"""
            <p>用手机验证器（如 FreeOTP、Google Authenticator、微信小程序“腾讯身份验证器”）扫描二维码，或手动输入密钥：</p>
            <p><img class="qr" alt="两步验证二维码" src="data:image/png;base64,{Convert.ToBase64String(png)}" width="200" height="200"></p>
            <p>密钥：<code class="key">{H(key)}</code></p>
            <form method="post" action="{H(Base(http))}/admin/2fa" class="login">
              {Antiforgery(http)}
              <label for="code">验证器显示的 6 位验证码</label>
              <input id="code" name="code" value="{H(typed)}" autocomplete="one-time-code" inputmode="numeric" required>
              <button type="submit">启用</button>
            </form>
            """;
    }
}
