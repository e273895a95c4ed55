using Fenghua.Cms.Core.Documents;

namespace Fenghua.Cms.Core.Tests;

public class DocumentNumberTests
{
    [Theory]
    [InlineData("奉政办发〔2018〕42号")]
    [InlineData("奉政办发[2018]42号")]
    [InlineData("奉政办发［2018］42号")]
    [InlineData("奉政办发(2018)42号")]
    [InlineData("奉政办发（2018）42号")]
    [InlineData("奉政办发【2018】42号")]
    [InlineData("奉政办发〔２０１８〕４２号")]
    [InlineData(" 奉政办发 〔2018〕 042号 ")]
    [InlineData("奉政办发〔2018〕第42号")]
    public void Every_common_spelling_parses_to_the_canonical_form(string text)
    {
        Assert.True(DocumentNumber.TryParse(text, out var n));
        Assert.Equal("奉政办发〔2018〕42号", n.Canonical);
        Assert.Equal(("奉政办发", 2018, 42), (n.IssuerCode, n.Year, n.Sequence));
    }

    [Theory]
    [InlineData("")]
    [InlineData("国务院令第382号")]
    [InlineData("奉政办发2018年42号")]
    [InlineData("奉政办发〔18〕42号")]
    [InlineData("奉政办发〔2018〕0号")]
    [InlineData("〔2018〕42号")]
    [InlineData("奉政办发〔1800〕42号")]
    public void Text_that_is_not_a_document_number_does_not_parse(string text) =>
        Assert.False(DocumentNumber.TryParse(text, out _));
}
