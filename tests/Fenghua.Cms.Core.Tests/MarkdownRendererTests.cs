using Fenghua.Cms.Core.Markdown;

namespace Fenghua.Cms.Core.Tests;

public class MarkdownRendererTests
{
    private readonly MarkdownRenderer _md = MarkdownRenderer.Instance;

    [Fact]
    public void Raw_html_and_scripts_never_reach_the_page()
    {
        var html = _md.ToHtml("正文<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[点我](javascript:alert(1))");
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("正文", html);
    }

    [Fact]
    public void Tables_headings_and_links_render()
    {
        var html = _md.ToHtml("## 标题\n\n| 项目 | 金额 |\n|---|---|\n| 预算 | 100 |\n\n[门户](https://www.fh.gov.cn/)");
        Assert.Contains("<h2", html);
        Assert.Contains("<table>", html);
        Assert.Contains("href=\"https://www.fh.gov.cn/\"", html);
    }
}
