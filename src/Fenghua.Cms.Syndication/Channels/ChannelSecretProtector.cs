using Fenghua.Cms.Core;
using Microsoft.AspNetCore.DataProtection;

namespace Fenghua.Cms.Syndication.Channels;

/// <summary>
/// Encrypts channel secrets with ASP.NET Core Data Protection. The key ring lives in the data folder
/// (shared by the nodes, the web host and the CLI), so any of them can read what another stored.
/// </summary>
public sealed class ChannelSecretProtector
{
    private const string Purpose = "Fenghua.Syndication.ChannelSecret.v1";
    private readonly IDataProtector _protector;

    public ChannelSecretProtector(ProductPaths paths)
    {
        var keys = new DirectoryInfo(Path.Combine(paths.DataPath, "keys"));
        _protector = DataProtectionProvider.Create(keys, b => b.SetApplicationName("Fenghua.Cms")).CreateProtector(Purpose);
    }

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
