namespace Fenghua.Cms.Core.Audit;

/// <summary>Who did something, and from which address: recorded on every audited change.</summary>
public sealed record Actor(string Name, string? Address = null)
{
    public static Actor System { get; } = new("system");
}
