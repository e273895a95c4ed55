using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Fenghua.Cms.Web.Tests.Gazette;

/// <summary>
/// The corpus (tests/data/gov-docs.jsonl.gz) imported once per test store through the real CLI. SQLite gets
/// the whole corpus; PostgreSQL the first <see cref="PostgresLines"/> lines (same shapes, incl. rejected lines).
/// </summary>
public static class GazetteCorpus
{
    public const int PostgresLines = 150;
    private static readonly ConcurrentDictionary<CmsFactory, Lazy<Task<ImportRun>>> Runs = new();

    public sealed record ImportRun(string File, int Exit, string Output, string Error, int Placed, int Rejected, List<int> RejectedLines);

    public static string CorpusFile
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var f = Path.Combine(dir.FullName, "tests", "data", "gov-docs.jsonl.gz");
                if (File.Exists(f)) return f;
            }
            throw new FileNotFoundException("tests/data/gov-docs.jsonl.gz");
        }
    }

    public static Task<ImportRun> ImportedAsync(CmsFactory factory) =>
        Runs.GetOrAdd(factory, f => new Lazy<Task<ImportRun>>(() => ImportAsync(f))).Value;

    private static async Task<ImportRun> ImportAsync(CmsFactory factory)
    {
        _ = factory.Server; // installs the store (default recipe with the gazette column and sample issues)
        var file = CorpusFile;
        if (factory.PostgresConnectionString is not null)
        {
            file = Path.Combine(factory.DataPath, "corpus-subset.jsonl");
            await File.WriteAllLinesAsync(file, Lines().Take(PostgresLines));
        }
        var lines = file.EndsWith(".gz", StringComparison.Ordinal) ? Lines().ToList() : File.ReadAllLines(file).ToList();
        var rejectedLines = new List<int>();
        for (var i = 0; i < lines.Count; i++)
            if ((JsonNode.Parse(lines[i]) as JsonObject)?["gazette_year"] is null) rejectedLines.Add(i + 1);
        var (exit, output, error) = await CliAsync(factory, "gazette", "import", file);
        return new ImportRun(file, exit, output, error, lines.Count - rejectedLines.Count, rejectedLines.Count, rejectedLines);
    }

    public static IEnumerable<string> Lines()
    {
        using var gz = new GZipStream(File.OpenRead(CorpusFile), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) yield return line;
    }

    public static async Task<(int Exit, string Output, string Error)> CliAsync(CmsFactory factory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Cli.CliApp.RunAsync(args, output, error, factory.StoreSettings);
        return (exit, output.ToString(), error.ToString());
    }
}
