using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Fenghua.Cms.Data;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCmsDbContext>
{
    public SqliteCmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCmsDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCmsDbContext>
{
    public PostgresCmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCmsDbContext>().UseNpgsql("Host=localhost;Database=fenghua_design").Options);
}
