using Fenghua.Cms.Media;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Web.Tests.Media;

/// <summary>The media limits come from Fenghua:Media; a configured width list replaces the default one.</summary>
public sealed class MediaOptionsTests
{
    private static MediaOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddMedia(configuration).BuildServiceProvider().GetRequiredService<MediaOptions>();
    }

    [Fact]
    public void Defaults_are_20_MB_40_megapixels_and_five_widths()
    {
        var o = Bind([]);
        Assert.Equal(20L * 1024 * 1024, o.MaxUploadBytes);
        Assert.Equal(40_000_000, o.MaxImagePixels);
        Assert.Equal([320, 640, 960, 1280, 1920], o.Widths);
    }

    [Theory]
    [InlineData("Fenghua:Media:Widths", "1200, 400,800")]
    [InlineData("Fenghua:Media:Widths:0", "800")]
    public void Configured_widths_replace_the_default_list(string key, string value)
    {
        var settings = new Dictionary<string, string?> { [key] = value, ["Fenghua:Media:MaxUploadBytes"] = "1048576" };
        if (key.EndsWith(":0")) { settings["Fenghua:Media:Widths:1"] = "400"; settings["Fenghua:Media:Widths:2"] = "1200"; }
        var o = Bind(settings);
        Assert.Equal([400, 800, 1200], o.Widths);
        Assert.Equal(1048576, o.MaxUploadBytes);
    }
}
