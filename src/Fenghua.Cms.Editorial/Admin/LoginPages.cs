using Fenghua.Cms.Editorial.Security;
using static Fenghua.Cms.Editorial.Admin.AdminHtml;

namespace Fenghua.Cms.Editorial.Admin;

public static class LoginPages
{
    public static IResult Form(HttpContext http, string? ReturnUrl) => Render(http, "", ReturnUrl, null);

    public static async Task<IResult> SubmitAsync(HttpContext http, SignInService signIn, IFormCollection form)
    {
        var userName = form["userName"].ToString();
        var password = form["password"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
            return Render(http, userName, returnUrl, ("userName", "请输入用户名和密码。"), 400);
        var outcome = await signIn.SignInAsync(http, userName, password, http.RequestAborted);
        return outcome switch
        {
            SignInOutcome.Succeeded => Results.Redirect(SafeReturn(http, returnUrl)),
            SignInOutcome.RequiresTwoFactor => Results.Redirect($"{Base(http)}/admin/login/2fa?returnUrl={Uri.EscapeDataString(returnUrl)}"),
            SignInOutcome.Disabled => Render(http, userName, returnUrl, ("userName", "账户已停用，请联系本站点管理员。"), 400),
            SignInOutcome.LockedOut => Render(http, userName, returnUrl, ("userName", "登录失败次数过多，账户已锁定 15 分钟。"), 400),
            _ => Render(http, userName, returnUrl, ("password", "用户名或密码错误。"), 400),
        };
    }

    public static async Task<IResult> LogoutAsync(HttpContext http, SignInService signIn, IFormCollection form)
    {
        await signIn.SignOutAsync(http, http.RequestAborted);
        return Results.Redirect(Base(http) + "/admin/login");
    }

    // Only local paths: an open redirect after sign-in would help phishing.
    public static string SafeReturn(HttpContext http, string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url : Base(http) + "/admin";

    private static IResult Render(HttpContext http, string userName, string? returnUrl, (string, string)? error, int status = 200)
    {
        var body = $"""
            {Errors(error is { } e ? [e] : [])}
            <form method="post" action="{H(Base(http))}/admin/login" class="login">
              {Antiforgery(http)}
              <input type="hidden" name="returnUrl" value="{H(returnUrl)}">
              <label for="userName">用户名</label><input id="userName" name="userName" value="{H(userName)}" autocomplete="username" required>
              <label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit">登录</button>
            </form>
            """;
        return Page(http, "登录", body, status, nav: false);
    }
}
