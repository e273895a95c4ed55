namespace Fenghua.Cms.Data.Identity;

/// <summary>A role a user holds on one site, or on all sites when SiteId is null (DistrictAdministrator).</summary>
public sealed class SiteRoleAssignment
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public int? SiteId { get; set; }
    public string Role { get; set; } = "";
}

public static class SiteRoles
{
    public const string DistrictAdministrator = nameof(DistrictAdministrator);
    public const string SiteAdministrator = nameof(SiteAdministrator);
    public const string Reviewer = nameof(Reviewer);
    public const string Editor = nameof(Editor);
    public const string Author = nameof(Author);

    public static readonly string[] All = [DistrictAdministrator, SiteAdministrator, Reviewer, Editor, Author];
}
