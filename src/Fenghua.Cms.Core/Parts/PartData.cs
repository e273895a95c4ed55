using System.Globalization;
using System.Text.Json.Nodes;

namespace Fenghua.Cms.Core.Parts;

/// <summary>Typed reads of part JSON that tolerate missing fields.</summary>
public static class PartData
{
    public static string? Str(this JsonObject data, string field) =>
        data[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static int? Int(this JsonObject data, string field) => data[field] switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, CultureInfo.InvariantCulture, out var j) => j,
        _ => null,
    };

    public static bool TryDate(this JsonObject data, string field, out DateOnly? date)
    {
        date = null;
        var s = data.Str(field);
        if (string.IsNullOrWhiteSpace(s)) return true;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) { date = d; return true; }
        return false;
    }
}
