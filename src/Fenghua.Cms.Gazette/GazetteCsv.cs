using System.Text;

namespace Fenghua.Cms.Gazette;

/// <summary>
/// CSV for spreadsheets: UTF-8 with a BOM (so Excel/WPS read Chinese), RFC 4180 quoting. Text that a
/// spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe; 文号 and titles stay text.
/// </summary>
public static class GazetteCsv
{
    public static readonly string[] Header =
        ["id", "title", "document_number", "issuer", "written_date", "publication_date", "year", "issue", "section", "order", "page_from", "page_to", "url"];

    public static byte[] Write(IEnumerable<GazetteDocumentView> documents, string absoluteBase)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', Header).Append("\r\n");
        foreach (var d in documents)
        {
            string?[] row =
            [
                d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Title, d.DocumentNumber, d.Issuer, d.WrittenDate, d.PublicationDate,
                d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Issue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                d.Section, d.Order.ToString(System.Globalization.CultureInfo.InvariantCulture),
                d.PageFrom?.ToString(System.Globalization.CultureInfo.InvariantCulture), d.PageTo?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                absoluteBase + d.Url,
            ];
            sb.AppendJoin(',', row.Select(Field)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
