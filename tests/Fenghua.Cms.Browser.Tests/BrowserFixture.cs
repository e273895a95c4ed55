using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Fenghua.Cms.Browser.Tests;

/// <summary>
/// The real product listening on a free 127.0.0.1 port (Kestrel) with a fresh SQLite data folder
/// (the default recipe runs on first start), and Debian's Chromium driven by Playwright.
/// Use it as <c>IClassFixture&lt;BrowserFixture&gt;</c> (or a collection fixture):
/// <list type="bullet">
/// <item><see cref="BaseUrl"/> — e.g. http://127.0.0.1:40123 (no trailing slash)</item>
/// <item><see cref="AdminUser"/> / <see cref="AdminPassword"/> — the administrator the installer creates</item>
/// <item><see cref="NewPageAsync"/> — a page in a fresh browser context (own cookies); dispose its context when done</item>
/// <item><see cref="Services"/> — the product's DI container, e.g. to read the store in assertions</item>
/// </list>
/// If Chromium cannot be started, <see cref="Unavailable"/> says why; tests then skip with
/// <c>Skip.If(fixture.Unavailable is not null, fixture.Unavailable)</c>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "Browser-Admin-2026-fenghua";
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly KestrelFactory factory;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public BrowserFixture()
    {
        DataPath = Path.Combine(Path.GetTempPath(), "fenghua-browser-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        factory = new KestrelFactory(DataPath, port);
    }

    public string BaseUrl { get; }
    public string DataPath { get; }
    public string? Unavailable { get; private set; }
    public IServiceProvider Services => factory.Services;
    public IBrowser Browser => browser ?? throw new InvalidOperationException(Unavailable ?? "浏览器尚未启动");

    /// <summary>Screenshots and other artefacts: &lt;test output&gt;/browser-output/.</summary>
    public static string OutputFolder
    {
        get
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "browser-output");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public async Task InitializeAsync()
    {
        // Never let Playwright download a browser: Debian's Chromium is used.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        factory.StartServer();
        if (!File.Exists(ChromiumPath)) { Unavailable = $"{ChromiumPath} 不存在，跳过浏览器测试（apt-get install chromium）。"; return; }
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    /// <summary>A page in its own browser context (fresh cookies), at the given viewport width.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        await factory.DisposeAsync();
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class KestrelFactory : WebApplicationFactory<Program>
    {
        private readonly string dataPath;

        public KestrelFactory(string dataPath, int port)
        {
            this.dataPath = dataPath;
            UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Fenghua:DataPath", dataPath);
            builder.UseSetting("FENGHUA_ADMIN_PASSWORD", AdminPassword);
        }
    }
}
