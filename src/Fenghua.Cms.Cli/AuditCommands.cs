using System.Globalization;
using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Core.Content;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Cli;

public static class AuditCommands
{
    public static async Task<int> VerifyAsync(IServiceProvider services, TextWriter output)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var count = await db.AuditTrail.CountAsync();
        var broken = await AuditLog.VerifyAsync(db);
        if (broken is { } id)
        {
            output.WriteLine($"审计日志在第 {id} 条被篡改或缺失（共 {count} 条）。");
            return 3;
        }
        output.WriteLine($"审计日志完整：{count} 条，哈希链校验通过。");
        return 0;
    }

    /// <summary>audit prune --before YYYY-MM-DD (Beijing date): deletes older entries, never inside the retention period.</summary>
    public static async Task<int> PruneAsync(IServiceProvider services, CommandLine command, TextWriter output)
    {
        var text = command.Require("before");
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new CliException($"--before “{text}”无效：应为日期 YYYY-MM-DD（北京时间）。");
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var before = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), ShanghaiTime.Offset);
        int count;
        try { count = await scope.ServiceProvider.GetRequiredService<AuditPruner>().PruneAsync(db, before, new Actor("cli")); }
        catch (Core.ValidationException e) { throw new CliException("--before：" + e.Errors[0].Message); }
        output.WriteLine(count == 0 ? $"{text} 之前没有审计记录。" : $"已删除 {text} 之前的 {count} 条审计记录；哈希链从保留的第一条继续校验。");
        return 0;
    }
}
