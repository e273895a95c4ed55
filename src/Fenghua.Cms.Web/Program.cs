using Fenghua.Cms.Core;
using Fenghua.Cms.Data;
using Fenghua.Cms.Web;
using Fenghua.Cms.Web.Public;
using Fenghua.Cms.Web.Sites;
using Fenghua.Cms.Web.Themes;

var builder = WebApplication.CreateBuilder(args);
var paths = ProductPaths.Resolve(builder.Environment.ContentRootPath,
    builder.Configuration["Fenghua:DataPath"], builder.Configuration["Fenghua:RecipesPath"], builder.Configuration["Fenghua:ThemesPath"]);

builder.Services.AddCmsData(builder.Configuration, paths);
builder.Services.AddSites();
builder.Services.AddPublicSite(builder.Configuration);

var app = builder.Build();
await app.InstallAsync();

app.UseSecurityHeaders();
app.UseSites();
app.UseThemeAssets();
app.UseRouting();
app.UseOutputCache();
app.MapPublicSite();

app.Run();

public partial class Program;
