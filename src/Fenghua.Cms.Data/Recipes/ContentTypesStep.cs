using System.Text.Json.Nodes;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Core.Parts;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data.Recipes;

/// <summary>{ "step": "contentTypes", "types": [ { "name", "displayName", "parts": [ { "name", "settings" } ] } ] }</summary>
public sealed class ContentTypesStep : IRecipeStep
{
    public string Name => "contentTypes";

    public async Task RunAsync(RecipeStepContext context, JsonObject step, CancellationToken ct)
    {
        if (step["types"] is not JsonArray types) throw context.Fail(".types", "缺少 types 数组。");
        for (var i = 0; i < types.Count; i++)
        {
            var path = $".types[{i}]";
            if (types[i] is not JsonObject t) throw context.Fail(path, "必须是 JSON 对象。");
            var name = context.Required(t, "name", path);
            if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Z][A-Za-z0-9]{1,49}$"))
                throw context.Fail(path + ".name", $"类型名“{name}”无效：应为以大写字母开头的英文标识。");
            var parts = new List<PartDefinition>();
            if (t["parts"] is not JsonArray partList || partList.Count == 0) throw context.Fail(path + ".parts", "至少需要一个部件。");
            for (var j = 0; j < partList.Count; j++)
            {
                var partName = partList[j] switch
                {
                    JsonValue v => v.GetValue<string>(),
                    JsonObject o => context.Required(o, "name", $"{path}.parts[{j}]"),
                    _ => throw context.Fail($"{path}.parts[{j}]", "部件必须是名称或对象。"),
                };
                if (!PartCatalog.Default.Knows(partName))
                    throw context.Fail($"{path}.parts[{j}]", $"未知部件“{partName}”；可用：{string.Join("、", PartCatalog.Default.Names)}。");
                parts.Add(new PartDefinition { Name = partName, Settings = (partList[j] as JsonObject)?["settings"]?.DeepClone() as JsonObject ?? [] });
            }
            var existing = await context.Db.ContentTypes.FirstOrDefaultAsync(x => x.Name == name, ct);
            if (existing is null) context.Db.ContentTypes.Add(existing = new ContentTypeDefinition { Name = name });
            existing.DisplayName = t["displayName"]?.GetValue<string>() ?? name;
            existing.Parts = parts;
        }
    }
}
