namespace Fenghua.Cms.Core.Content;

/// <summary>The allowed moves of a version between states (公开前审查: nothing is published without passing review).</summary>
public static class Workflow
{
    public static bool CanMove(VersionState from, VersionState to) => (from, to) switch
    {
        (VersionState.Draft, VersionState.InReview) => true,
        (VersionState.InReview, VersionState.Draft) => true,
        (VersionState.InReview, VersionState.Published) => true,
        (VersionState.Draft, VersionState.Published) => true,
        (VersionState.Published, VersionState.Archived) => true,
        _ => false,
    };

    public static string DisplayName(VersionState s) => s switch
    {
        VersionState.Draft => "草稿",
        VersionState.InReview => "审核中",
        VersionState.Published => "已发布",
        VersionState.Archived => "已归档",
        _ => s.ToString(),
    };
}
