using Fenghua.Cms.Core.Audit;
using Fenghua.Cms.Data;
using Fenghua.Cms.Data.Audit;
using Fenghua.Cms.Data.Editorial;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenghua.Cms.Cli;

/// <summary>tokens create: an API token for a user, printed once (only its hash is stored).</summary>
public static class TokenCommands
{
    public static async Task<int> CreateAsync(IServiceProvider services, CommandLine command, TextWriter output)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var userName = command.Require("user");
        var name = command.Require("name");
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName) ?? throw new CliException($"--user “{userName}”：用户不存在。");
        string token;
        try
        {
            token = await ApiTokens.CreateAsync(db, scope.ServiceProvider.GetRequiredService<AuditLog>(), user.Id, userName, name, new Actor("cli"),
                scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
        }
        catch (Core.ValidationException e)
        {
            throw new CliException("--name：" + e.Errors[0].Message);
        }
        output.WriteLine($"已为 {userName} 创建令牌“{name}”。令牌只显示这一次，请妥善保存：");
        output.WriteLine(token);
        return 0;
    }
}
