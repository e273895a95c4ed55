using Fenghua.Cms.Data.Editorial;
using Fenghua.Cms.Editorial.Admin;
using Fenghua.Cms.Editorial.Checks;

namespace Fenghua.Cms.Web.Tests.Editorial;

/// <summary>The pre-publication check rules on their own: what they find, where, and how they mask.</summary>
public sealed class CheckRulesTests
{
    [Fact]
    public void Resident_id_with_valid_check_digit_is_found_with_its_offset_and_masked()
    {
        var text = "申请人身份证号330283198001011233，请核对。";
        var found = Assert.Single(PersonalDataScanner.Scan(text));
        Assert.Equal(CheckKinds.ResidentId, found.Kind);
        Assert.Equal(text.IndexOf("3302", StringComparison.Ordinal), found.Offset);
        Assert.Equal(18, found.Length);
        Assert.Equal("3302**********1233", found.Masked);
        Assert.Equal("申请人身份证号3302**********1233，请核对。", PersonalDataScanner.Mask(text));
        Assert.Equal(@"申请人身份证号3302\*\*\*\*\*\*\*\*\*\*1233，请核对。", PersonalDataScanner.Mask(text, markdown: true));
    }

    [Theory]
    [InlineData("330283198001011234")] // wrong check digit
    [InlineData("330283198013011233")] // month 13: not a birth date
    [InlineData("3302831980010112330")] // 19 digits
    public void Numbers_that_are_not_resident_ids_are_not_flagged_as_such(string number)
    {
        Assert.DoesNotContain(PersonalDataScanner.Scan($"编号 {number} 。"), m => m.Kind == CheckKinds.ResidentId);
    }

    [Fact]
    public void Mobile_bank_card_and_email_are_found_and_masked()
    {
        var text = "联系电话13812345678，账号 6222 0202 0011 2345 679，邮箱 zhangsan@example.com。订单号 6222020200112345678 不是卡号。";
        var found = PersonalDataScanner.Scan(text);
        Assert.Equal([CheckKinds.Mobile, CheckKinds.BankCard, CheckKinds.Email], found.Select(f => f.Kind));
        Assert.Equal("138****5678", found[0].Masked);
        Assert.Equal("6222 **** **** ***5 679", found[1].Masked);
        Assert.Equal("z*******@example.com", found[2].Masked);
        var masked = PersonalDataScanner.Mask(text);
        Assert.DoesNotContain("13812345678", masked);
        Assert.DoesNotContain("zhangsan@", masked);
        Assert.Contains("6222020200112345678", masked);
    }

    [Fact]
    public void Luhn_and_landline_numbers_are_not_mistaken()
    {
        Assert.True(PersonalDataScanner.Luhn("6217001234567890122"));
        Assert.False(PersonalDataScanner.Luhn("6217001234567890123"));
        Assert.Empty(PersonalDataScanner.Scan("咨询电话 0574-88581234，邮编 315500。"));
    }

    [Fact]
    public void Sensitive_words_match_whole_phrases_across_width_script_and_case()
    {
        var matcher = new SensitiveWordMatcher("内部资料\n\nVPN\n翻墙软件\n");
        var text = "本文系內部資料，請勿外傳。使用ＶＰＮ或vpn下载翻牆軟件，vpnclient 不算。";
        var hits = matcher.Find(text).ToList();
        Assert.Equal(["内部资料", "VPN", "VPN", "翻墙软件"], hits.OrderBy(h => h.Offset).Select(h => h.Phrase));
        var first = hits.OrderBy(h => h.Offset).First();
        Assert.Equal("內部資料", text.Substring(first.Offset, first.Length));
        Assert.DoesNotContain(hits, h => text.Substring(h.Offset, h.Length) == "vpn" && h.Offset == text.IndexOf("vpnclient", StringComparison.Ordinal));
    }

    [Fact]
    public void Positions_are_reported_as_line_and_column()
    {
        var text = "第一行\n第二行有 13812345678";
        var m = Assert.Single(PersonalDataScanner.Scan(text));
        Assert.Equal((2, 6), TextPosition.Of(text, m.Offset));
    }

    [Fact]
    public void Links_and_images_are_found_in_markdown()
    {
        var links = LinkScanner.Scan("见[原文](/zwgk/zcwj/2018/fzbf-2018-42)和![](/media/a.png)、![图解](/media/b.png)，外链[国务院](https://www.gov.cn/)。").ToList();
        Assert.Equal(4, links.Count);
        Assert.True(LinkScanner.IsInternal(links[0].Url));
        Assert.True(links[1].IsImage && links[1].Text.Length == 0);
        Assert.False(LinkScanner.IsInternal(links[3].Url));
    }

    [Fact]
    public void The_common_password_list_has_ten_thousand_entries()
    {
        // 10,000 lines; a few differ only in case, and matching ignores case.
        Assert.InRange(CommonPasswordValidator.Count, 9_900, 10_000);
        Assert.True(CommonPasswordValidator.IsCommon("password"));
        Assert.True(CommonPasswordValidator.IsCommon("IloveYou"));
        Assert.False(CommonPasswordValidator.IsCommon("奉化-审核-2026-x"));
    }

    [Fact]
    public void Line_diff_shows_removed_and_added_lines()
    {
        var diff = LineDiff.Compare("a\nb\nc", "a\nB\nc\nd");
        Assert.Equal([(LineDiff.Op.Same, "a"), (LineDiff.Op.Removed, "b"), (LineDiff.Op.Added, "B"), (LineDiff.Op.Same, "c"), (LineDiff.Op.Added, "d")], diff);
    }
}
