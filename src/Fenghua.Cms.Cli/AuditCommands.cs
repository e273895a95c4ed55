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
}
