using Microsoft.AspNetCore.Identity;

namespace Fenghua.Cms.Data.Identity;

/// <summary>A person who signs in to the admin: editor, reviewer or administrator.</summary>
public sealed class CmsUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
