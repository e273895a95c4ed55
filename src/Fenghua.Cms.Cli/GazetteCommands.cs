using Fenghua.Cms.Core;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Gazette;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Cli;

/// <summary>`gazette import &lt;file.jsonl[.gz]|folder&gt; [--site portal] [--batch 250]`: bulk import of gazette documents and issues.</summary>
public static class GazetteCommands
{
    private static readonly Actor Cli = new("cli:" + Environment.UserName);

    public static async Task<int> ImportAsync(IServiceProvider services, CommandLine command, TextWriter output, TextWriter error)
    {
        var path = command.Positional.FirstOrDefault() ?? throw new CliException("缺少要导入的文件或目录：gazette import <file.jsonl|file.jsonl.gz|folder>。");
        if (!File.Exists(path) && !Directory.Exists(path)) throw new CliException($"找不到文件或目录：{path}");
        var siteKey = command.Get("site") ?? "portal";
        var batchText = command.Get("batch") ?? GazetteImporter.DefaultBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!int.TryParse(batchText, out var batch) || batch is < 1 or > 5000) throw new CliException($"--batch “{batchText}”无效：应为 1 至 5000 之间的整数。");

        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<CmsDbContext>();
        await db.Database.MigrateAsync();
        if (!await db.Installation.AnyAsync())
            throw new CliException("数据库尚未初始化：请先运行一次 dotnet run --project src/Fenghua.Cms.Web。");
        var importer = sp.GetRequiredService<GazetteImporter>();

        output.WriteLine($"读取 {path} …");
        var source = await GazetteImporter.ReadAsync(path, CancellationToken.None);
        output.WriteLine($"共 {source.Records} 条记录，{source.Issues.Count} 期；导入到站点 {siteKey}，每批 {batch} 条。");
        var bar = new ProgressBar(output);
        GazetteImportReport report;
        try
        {
            report = await importer.ImportAsync(source, siteKey, Cli, bar, batch);
        }
        catch (ValidationException e)
        {
            throw new CliException(string.Join("；", e.Errors.Select(x => x.Message)));
        }
        bar.Finish();
        foreach (var r in report.Rejected)
            error.WriteLine($"拒绝 {r.Location}：{r.Reason}");
        var seconds = Math.Max(report.Elapsed.TotalSeconds, 0.001);
        output.WriteLine($"完成：新建 {report.Created}，更新 {report.Updated}，未变 {report.Unchanged}，拒绝 {report.Rejected.Count}。" +
                         $"期：新建 {report.IssuesCreated}，更新 {report.IssuesUpdated}。用时 {report.Elapsed.TotalSeconds:0.0} 秒，{report.Imported / seconds:0} 篇/秒。");
        return 0;
    }

    /// <summary>A text progress bar: redrawn in place on a terminal, one line per 10 % otherwise.</summary>
    private sealed class ProgressBar(TextWriter output) : IProgress<(int Done, int Total)>
    {
        private const int Width = 30;
        private readonly bool _terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        private int _lastTenth = -1;

        public void Report((int Done, int Total) value)
        {
            var (done, total) = value;
            var fraction = total == 0 ? 1 : (double)done / total;
            var filled = (int)Math.Round(fraction * Width);
            var line = $"[{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total} {fraction:P0}";
            if (_terminal)
            {
                output.Write("\r" + line);
                return;
            }
            var tenth = (int)(fraction * 10);
            if (tenth == _lastTenth) return;
            _lastTenth = tenth;
            output.WriteLine(line);
        }

        public void Finish()
        {
            if (_terminal) output.WriteLine();
        }
    }
}
