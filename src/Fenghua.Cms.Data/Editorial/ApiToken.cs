namespace Fenghua.Cms.Data.Editorial;

/// <summary>A bearer token for the REST API. Only the SHA-256 of the token is stored; the token itself is shown once.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset? LastUsedUtc { get; set; }
    public DateTimeOffset? RevokedUtc { get; set; }
}
