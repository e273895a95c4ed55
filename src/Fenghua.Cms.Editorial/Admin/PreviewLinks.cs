using Microsoft.AspNetCore.DataProtection;

namespace Fenghua.Cms.Editorial.Admin;

/// <summary>Unguessable, signed, expiring preview links: the version id is protected by a time-limited Data Protection protector.</summary>
public sealed class PreviewLinks(IDataProtectionProvider provider, EditorialOptions options, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("Fenghua.Editorial.Preview").ToTimeLimitedDataProtector();

    public string Create(int versionId) =>
        _protector.Protect(versionId.ToString(System.Globalization.CultureInfo.InvariantCulture), clock.GetUtcNow().AddMinutes(options.PreviewLinkMinutes));

    public int? Read(string token)
    {
        try
        {
            var text = _protector.Unprotect(token, out var expires);
            return expires > clock.GetUtcNow() && int.TryParse(text, out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }
}
