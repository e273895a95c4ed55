using Fenghua.Cms.Core.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Fenghua.Cms.Data;

/// <summary>The embedded default store (a file under App_Data), with its own migrations.</summary>
public sealed class SqliteCmsDbContext(DbContextOptions<SqliteCmsDbContext> options, SiteContext? siteContext = null)
    : CmsDbContext(options, siteContext)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset text; store UTC ticks instead.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
