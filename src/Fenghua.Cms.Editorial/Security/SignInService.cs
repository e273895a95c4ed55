using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace Fenghua.Cms.Editorial.Security;

/// <summary>Admin sign-in: password check with lockout (5 failures → 15 minutes), a fresh session cookie, every attempt audited.</summary>
public sealed class SignInService(SignInManager<CmsUser> signIn, UserManager<CmsUser> users, CmsDbContext db, AuditLog audit)
{
    public async Task<SignInOutcome> SignInAsync(HttpContext http, string userName, string password, CancellationToken ct = default)
    {
        var address = http.Connection.RemoteIpAddress?.ToString();
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            await AuditAsync(new Actor(userName.Trim(), address), "user.signin.failed", userName.Trim(), "用户不存在", ct);
            return SignInOutcome.Failed;
        }
        if (UserAccounts.IsDisabled(user))
        {
            await AuditAsync(new Actor(user.UserName!, address), "user.signin.failed", user.UserName!, "账户已停用", ct);
            // Said only to someone who knows the password; anyone else learns no more than from a wrong password.
            return await users.CheckPasswordAsync(user, password) ? SignInOutcome.Disabled : SignInOutcome.Failed;
        }
        // A new session: whatever cookie came with the request is dropped before the new one is issued.
        await signIn.SignOutAsync();
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        var actor = new Actor(user.UserName!, address);
        if (result.Succeeded)
        {
            await AuditAsync(actor, "user.signin", user.UserName!, "", ct);
            return SignInOutcome.Succeeded;
        }
        if (result.IsLockedOut)
        {
            await AuditAsync(actor, "user.signin.failed", user.UserName!, "账户已锁定", ct);
            return SignInOutcome.LockedOut;
        }
        // Right password, second step pending: audited when the code is checked.
        if (result.RequiresTwoFactor) return SignInOutcome.RequiresTwoFactor;
        await AuditAsync(actor, "user.signin.failed", user.UserName!, "密码错误", ct);
        return SignInOutcome.Failed;
    }

    public async Task SignOutAsync(HttpContext http, CancellationToken ct = default)
    {
        var name = http.User.Identity?.Name;
        await signIn.SignOutAsync();
        if (name is not null) await AuditAsync(new Actor(name, http.Connection.RemoteIpAddress?.ToString()), "user.signout", name, "", ct);
    }

    private async Task AuditAsync(Actor actor, string action, string userName, string details, CancellationToken ct)
    {
        await audit.AppendAsync(db, actor, action, $"user:{userName}", null, details, ct);
        await db.SaveChangesAsync(ct);
    }
}

public enum SignInOutcome { Succeeded, Failed, LockedOut, RequiresTwoFactor, Disabled }
