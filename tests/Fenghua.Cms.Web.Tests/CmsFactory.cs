using Fenghua.Cms.Core.Sites;
using Fenghua.Cms.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fenghua.Cms.Web.Tests;

/// <summary>
/// The real product on a real store: a fresh SQLite file in a temp folder, or a fresh database on
/// the PostgreSQL server named by FENGHUA_TEST_POSTGRES. The default recipe runs on first start.
/// </summary>
public abstract class CmsFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Test-Admin-2026-fenghua";

    protected CmsFactory(bool postgres)
    {
        DataPath = Path.Combine(Path.GetTempPath(), "fenghua-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
        if (!postgres) return;
        var admin = Environment.GetEnvironmentVariable("FENGHUA_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin)) { Unavailable = "FENGHUA_TEST_POSTGRES 未设置，跳过 PostgreSQL 测试。"; return; }
        var database = "fenghua_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var conn = new NpgsqlConnection(admin))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {database}", conn);
            cmd.ExecuteNonQuery();
        }
        PostgresConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
    }

    public string DataPath { get; }
    public string? PostgresConnectionString { get; }
    public string? Unavailable { get; }

    /// <summary>Configuration the CLI needs to open the same store.</summary>
    public Dictionary<string, string?> StoreSettings => PostgresConnectionString is null
        ? new() { ["Fenghua:DataPath"] = DataPath }
        : new() { ["Fenghua:DataPath"] = DataPath, ["Fenghua:Database:Provider"] = "PostgreSQL", ["ConnectionStrings:Fenghua"] = PostgresConnectionString };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (k, v) in StoreSettings) builder.UseSetting(k, v);
        builder.UseSetting("FENGHUA_ADMIN_PASSWORD", AdminPassword);
        // Tests of one class sign in many times a minute from one address; LoginRateLimitTests checks the limit itself.
        builder.UseSetting("Fenghua:Editorial:LoginAttemptsPerMinute", LoginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    protected virtual int LoginAttemptsPerMinute => 1000;

    /// <summary>A service scope inside one site, as a request or a job would have it.</summary>
    public async Task<AsyncServiceScope> SiteScopeAsync(string siteKey)
    {
        _ = Server;
        var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Key == siteKey);
        scope.ServiceProvider.GetRequiredService<SiteContext>().Enter(site);
        return scope;
    }

    public AsyncServiceScope Scope()
    {
        _ = Server;
        return Services.CreateAsyncScope();
    }

    /// <summary>Starts a second host on the same store, as a restart of the product would.</summary>
    public async Task RestartOnSameStoreAsync(Func<IServiceProvider, Task> check)
    {
        await using var second = new SameStoreFactory(this);
        await using var scope = second.Services.CreateAsyncScope();
        _ = second.Server;
        await check(scope.ServiceProvider);
    }

    private sealed class SameStoreFactory(CmsFactory original) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (k, v) in original.StoreSettings) builder.UseSetting(k, v);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { }
    }
}

public sealed class SqliteCmsFactory() : CmsFactory(postgres: false);

public sealed class PostgresCmsFactory() : CmsFactory(postgres: true);
