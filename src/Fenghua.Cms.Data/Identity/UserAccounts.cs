using System.Net.Mail;
using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Editorial;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data.Identity;

/// <summary>
/// Creating, disabling and re-keying accounts, for the CLI and the admin alike: Identity's password rules plus the
/// common-password list, errors named by field (userName, email, displayName, password, role, site), every change audited
/// in the same transaction. Who may do it is the caller's business.
/// </summary>
public sealed class UserAccounts(CmsDbContext db, UserManager<CmsUser> users, AuditLog audit)
{
    /// <summary>Lockout end that marks an account as disabled by an administrator (a failed-sign-in lockout lasts minutes).</summary>
    public static readonly DateTimeOffset DisabledUntil = new(2999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public const int MaxDisplayName = 50;

    public static bool IsDisabled(CmsUser user) => user.LockoutEnd >= DisabledUntil;

    public async Task<CreatedAccount> CreateAsync(NewAccount request, Actor actor, CancellationToken ct = default)
    {
        var userName = request.UserName.Trim();
        var email = request.Email.Trim();
        var displayName = string.IsNullOrWhiteSpace(request.DisplayName) ? userName : request.DisplayName.Trim();
        var generated = string.IsNullOrEmpty(request.Password);
        var password = generated ? GeneratedPassword.New() : request.Password!;
        var user = new CmsUser { UserName = userName, Email = email, EmailConfirmed = true, DisplayName = displayName, LockoutEnabled = true };

        var errors = new List<ValidationError>();
        if (userName.Length == 0) errors.Add(new("userName", "请填写用户名。"));
        if (email.Length == 0) errors.Add(new("email", "请填写电子邮箱。"));
        else if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
            errors.Add(new("email", $"电子邮箱“{email}”格式无效。"));
        if (displayName.Length > MaxDisplayName) errors.Add(new("displayName", $"姓名最多 {MaxDisplayName} 个字。"));
        if (!SiteRoles.All.Contains(request.Role))
            errors.Add(new("role", $"角色“{request.Role}”无效：应为 {string.Join("、", SiteRoles.All)} 之一。"));
        else if ((request.Role == SiteRoles.DistrictAdministrator) != (request.SiteId is null))
            errors.Add(new("site", request.SiteId is null ? "请选择站点：只有区级管理员的角色不属于某个站点。" : "区级管理员的角色适用于全部站点，不能指定站点。"));
        // Every rule at once, so a form can mark all the fields (UserManager.CreateAsync stops at the first group).
        if (userName.Length > 0)
            foreach (var v in users.UserValidators) errors.AddRange(Describe(await v.ValidateAsync(users, user), userName));
        foreach (var v in PasswordValidators()) errors.AddRange(Describe(await v.ValidateAsync(users, user, password), userName));
        if (errors.Count > 0) throw new ValidationException(errors);

        // UserManager saves the user on its own; the role and the audit entries commit with it or not at all.
        await using var tx = await UnitOfWork.BeginAsync(db, ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new ValidationException(Describe(created, userName).ToList());
        db.SiteRoles.Add(new SiteRoleAssignment { UserId = user.Id, SiteId = request.SiteId, Role = request.Role });
        await audit.AppendAsync(db, actor, "user.create", $"user:{userName}", request.SiteId, displayName == userName ? "" : displayName, ct);
        await audit.AppendAsync(db, actor, "role.grant", $"user:{userName}", request.SiteId, $"{request.Role} @ {request.SiteLabel}", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CreatedAccount(user, generated ? password : null);
    }

    /// <summary>Disables the account: it cannot sign in or use its API tokens, and its open sessions end (new security stamp).</summary>
    public async Task DisableAsync(CmsUser user, Actor actor, int? siteId, CancellationToken ct = default)
    {
        user.LockoutEnabled = true;
        user.LockoutEnd = DisabledUntil;
        Restamp(user);
        await audit.AppendAsync(db, actor, "user.disable", $"user:{user.UserName}", siteId, "", ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task EnableAsync(CmsUser user, Actor actor, int? siteId, CancellationToken ct = default)
    {
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        Restamp(user);
        await audit.AppendAsync(db, actor, "user.enable", $"user:{user.UserName}", siteId, "", ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Sets a new password (checked by the same rules) or a generated one, which is returned to be shown once.
    /// Open sessions end; a disabled account stays disabled.
    /// </summary>
    public async Task<string?> ResetPasswordAsync(CmsUser user, string? newPassword, Actor actor, int? siteId, CancellationToken ct = default)
    {
        var generated = string.IsNullOrEmpty(newPassword);
        var password = generated ? GeneratedPassword.New() : newPassword!;
        var errors = new List<ValidationError>();
        foreach (var v in PasswordValidators()) errors.AddRange(Describe(await v.ValidateAsync(users, user, password), user.UserName ?? ""));
        if (errors.Count > 0) throw new ValidationException(errors);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.AccessFailedCount = 0;
        if (!IsDisabled(user)) user.LockoutEnd = null;
        Restamp(user);
        await audit.AppendAsync(db, actor, "user.password.reset", $"user:{user.UserName}", siteId, generated ? "生成初始密码" : "管理员设置新密码", ct);
        await db.SaveChangesAsync(ct);
        return generated ? password : null;
    }

    // The web registers the common-password validator with Identity; the CLI's container does not.
    private IEnumerable<IPasswordValidator<CmsUser>> PasswordValidators() =>
        users.PasswordValidators.OfType<CommonPasswordValidator>().Any() ? users.PasswordValidators : [.. users.PasswordValidators, new CommonPasswordValidator()];

    private void Restamp(CmsUser user)
    {
        // Changed stamps make the cookie validator sign the user out everywhere at its next check.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
    }

    /// <summary>Identity's codes as a field and a Chinese message.</summary>
    private IEnumerable<ValidationError> Describe(IdentityResult result, string userName) => result.Errors.Select(e => e.Code switch
    {
        "CommonPassword" => new ValidationError("password", e.Description),
        "PasswordTooShort" => new("password", $"密码至少需要 {users.Options.Password.RequiredLength} 位。"),
        "PasswordRequiresDigit" => new("password", "密码须包含数字。"),
        "PasswordRequiresLower" => new("password", "密码须包含小写字母。"),
        "PasswordRequiresUpper" => new("password", "密码须包含大写字母。"),
        "PasswordRequiresNonAlphanumeric" => new("password", "密码须包含字母和数字以外的符号。"),
        "PasswordRequiresUniqueChars" => new("password", "密码中不同的字符太少。"),
        "DuplicateUserName" => new("userName", $"用户名“{userName}”已被使用。"),
        "InvalidUserName" => new("userName", $"用户名“{userName}”无效：只能使用英文字母、数字和 - . _ @ +。"),
        "InvalidEmail" or "DuplicateEmail" => new("email", e.Description),
        _ => new(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "userName", e.Description),
    });
}
