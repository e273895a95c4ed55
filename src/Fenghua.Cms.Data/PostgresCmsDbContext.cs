using Fenghua.Cms.Core.Sites;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data;

/// <summary>The server store, with its own migrations.</summary>
public sealed class PostgresCmsDbContext(DbContextOptions<PostgresCmsDbContext> options, SiteContext? siteContext = null)
    : CmsDbContext(options, siteContext);
