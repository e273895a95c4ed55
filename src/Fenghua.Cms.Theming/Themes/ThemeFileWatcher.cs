using Fenghua.Cms.Theming.Caching;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Primitives;

namespace Fenghua.Cms.Theming.Themes;

/// <summary>
/// Evicts cached public pages when a theme file changes on disk, so an edited template or
/// stylesheet shows at once without a rebuild or restart.
/// </summary>
public sealed class ThemeFileWatcher(ThemeRegistry themes, PublicPageCache cache) : IHostedService, IDisposable
{
    private PhysicalFileProvider? _files;
    private IDisposable? _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(themes.Root)) return Task.CompletedTask;
        _files = new PhysicalFileProvider(themes.Root);
        _registration = ChangeToken.OnChange(() => _files.Watch("**/*"), () => cache.EvictAllAsync(default).Wait());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _registration?.Dispose();
        _files?.Dispose();
    }
}
