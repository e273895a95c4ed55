using Fenghua.Cms.Core;
using Fenghua.Cms.Data;
using Fenghua.Cms.Editorial;
using Fenghua.Cms.Gazette;
using Fenghua.Cms.Mail;
using Fenghua.Cms.Media;
using Fenghua.Cms.Search;
using Fenghua.Cms.Syndication;
using Fenghua.Cms.Theming.Public;
using Fenghua.Cms.Theming.Themes;
using Fenghua.Cms.Web;
using Fenghua.Cms.Web.Sites;

var builder = WebApplication.CreateBuilder(args);
var paths = ProductPaths.Resolve(builder.Environment.ContentRootPath,
    builder.Configuration["Fenghua:DataPath"], builder.Configuration["Fenghua:RecipesPath"], builder.Configuration["Fenghua:ThemesPath"]);

// The product: one store, the public site in its themes, and the feature modules.
builder.Services.AddCmsData(builder.Configuration, paths);
builder.Services.AddPublicSite(builder.Configuration);
builder.Services.AddEditorial(builder.Configuration);
builder.Services.AddMedia(builder.Configuration);
builder.Services.AddMail(builder.Configuration);
builder.Services.AddSearch(builder.Configuration);
builder.Services.AddGazette(builder.Configuration);
builder.Services.AddSyndication(builder.Configuration);

var app = builder.Build();
await app.InstallAsync();

app.UseSecurityHeaders();
app.UseSites();
app.UseThemeAssets();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseOutputCache();

app.MapEditorial();
app.MapMedia();
app.MapSearch();
app.MapGazette();
app.MapSyndication();
app.MapPublicSite();

app.Run();

public partial class Program;
