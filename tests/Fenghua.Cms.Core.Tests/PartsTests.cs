using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Parts;

namespace Fenghua.Cms.Core.Tests;

public class PartsTests
{
    private static readonly ContentTypeDefinition Policy = new()
    {
        Name = "PolicyDocument", DisplayName = "政策文件",
        Parts = [new() { Name = "Title" }, new() { Name = "GovDocument", Settings = new JsonObject { ["issuerRequired"] = true } }, new() { Name = "MarkdownBody" }],
    };

    [Fact]
    public void A_malformed_document_number_is_kept_as_typed_and_flagged()
    {
        var parts = JsonNode.Parse("""{"Title":{"title":"关于某事的通知"},"GovDocument":{"documentNumber":"奉政办 2018 四十二","issuer":"区政府办公室"}}""")!.AsObject();
        var errors = PartCatalog.Default.Check(Policy, parts);
        Assert.Empty(errors);
        Assert.Equal("奉政办 2018 四十二", parts["GovDocument"]!["documentNumber"]!.GetValue<string>());
        Assert.True(parts["GovDocument"]!["documentNumberMalformed"]!.GetValue<bool>());
        Assert.Null(parts["GovDocument"]!["documentNumberCanonical"]);
    }

    [Fact]
    public void A_well_formed_number_gets_its_canonical_form_beside_what_was_typed()
    {
        var parts = JsonNode.Parse("""{"Title":{"title":"t"},"GovDocument":{"documentNumber":"奉政办发[2018]42号","issuer":"x"}}""")!.AsObject();
        Assert.Empty(PartCatalog.Default.Check(Policy, parts));
        Assert.Equal("奉政办发[2018]42号", parts["GovDocument"]!["documentNumber"]!.GetValue<string>());
        Assert.Equal("奉政办发〔2018〕42号", parts["GovDocument"]!["documentNumberCanonical"]!.GetValue<string>());
    }

    [Fact]
    public void Every_broken_rule_is_reported_with_its_field()
    {
        var parts = JsonNode.Parse("""{"Title":{"title":""},"GovDocument":{"writtenDate":"2018/07/31","validity":"永久"},"Bogus":{}}""")!.AsObject();
        var fields = PartCatalog.Default.Check(Policy, parts).Select(e => e.Field).ToList();
        Assert.Contains("parts.Title.title", fields);
        Assert.Contains("parts.GovDocument.writtenDate", fields);
        Assert.Contains("parts.GovDocument.validity", fields);
        Assert.Contains("parts.GovDocument.issuer", fields);
        Assert.Contains("parts.Bogus", fields);
    }

    [Fact]
    public void An_overlong_title_names_the_limit()
    {
        var parts = new JsonObject { ["Title"] = new JsonObject { ["title"] = new string('长', 201) } };
        var error = Assert.Single(PartCatalog.Default.Check(new ContentTypeDefinition { Name = "Article", Parts = [new() { Name = "Title" }] }, parts));
        Assert.Contains("200", error.Message);
    }
}
