namespace Fenghua.Cms.Data;

/// <summary>Section "Fenghua:Database": Provider = Sqlite (default) or PostgreSQL; the connection string is ConnectionStrings:Fenghua.</summary>
public sealed class DatabaseOptions
{
    public string Provider { get; set; } = "Sqlite";
    public string? ConnectionString { get; set; }

    public bool IsPostgres => Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) || Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);
}
