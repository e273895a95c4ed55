using System.Security.Cryptography;
using System.Text;

namespace Fenghua.Cms.Core.Audit;

/// <summary>
/// One line of the audit trail. Entries form a hash chain (each hash covers the previous one),
/// so editing or deleting a stored entry is detectable.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset Utc { get; set; }
    public int? SiteId { get; set; }
    public string Actor { get; set; } = "";
    public string? Address { get; set; }
    public string Action { get; set; } = "";
    public string Target { get; set; } = "";
    public string Details { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public string ComputeHash()
    {
        var text = string.Join('\u001f', PreviousHash, Utc.UtcTicks, SiteId, Actor, Address, Action, Target, Details);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
