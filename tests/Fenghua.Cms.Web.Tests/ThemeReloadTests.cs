using Microsoft.AspNetCore.Hosting;

namespace Fenghua.Cms.Web.Tests;

/// <summary>Templates are files on disk: an edit shows on the next request, without a rebuild, even for cached pages.</summary>
public sealed class ThemeReloadTests : IClassFixture<ThemeReloadTests.ThemeCopyFactory>
{
    private readonly ThemeCopyFactory _factory;

    public ThemeReloadTests(ThemeCopyFactory factory) => _factory = factory;

    [Fact]
    public async Task An_edited_template_is_served_without_a_rebuild()
    {
        var client = _factory.CreateClient();
        Assert.DoesNotContain("模板已热更新", await client.GetStringAsync("/"));
        Assert.DoesNotContain("模板已热更新", await client.GetStringAsync("/"));   // now cached

        var footer = Path.Combine(_factory.ThemesCopy, "Portal", "footer.liquid");
        await File.WriteAllTextAsync(footer, (await File.ReadAllTextAsync(footer)).Replace("</footer>", "<p>模板已热更新</p></footer>"));

        var seen = false;
        for (var i = 0; i < 50 && !seen; i++)
        {
            seen = (await client.GetStringAsync("/")).Contains("模板已热更新");
            if (!seen) await Task.Delay(200);
        }
        Assert.True(seen, "修改后的模板没有生效");
    }

    public sealed class ThemeCopyFactory : CmsFactory
    {
        public ThemeCopyFactory() : base(postgres: false)
        {
            ThemesCopy = Path.Combine(DataPath, "themes");
            var source = Path.Combine(FindRepositoryRoot(), "themes");
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(ThemesCopy, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        public string ThemesCopy { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Fenghua:ThemesPath", ThemesCopy);
        }

        private static string FindRepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Fenghua.Cms.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("找不到仓库根目录");
        }
    }
}
