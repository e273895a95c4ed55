using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fenghua.Cms.Web.Tests.Syndication.Doubles;

/// <summary>A Kestrel server on 127.0.0.1 and a random port for a protocol double.</summary>
public abstract class DoubleHost : IAsyncDisposable
{
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public FaultPlan Faults { get; } = new();

    /// <summary>Files served at /files/{name} (pictures an article links to).</summary>
    public Dictionary<string, (byte[] Bytes, string Type)> Files { get; } = [];

    /// <summary>How long a "slow" answer takes: longer than the product's request timeout in the tests.</summary>
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(4);

    protected abstract void Map(WebApplication app);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        Map(_app);
        _app.MapGet("/files/{name}", (string name) => Files.TryGetValue(name, out var f) ? Results.Bytes(f.Bytes, f.Type) : Results.NotFound());
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.TrimEnd('/') + "/";
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
