namespace Fenghua.Cms.Web.Tests.Mail;

/// <summary>Waits for background work (the mail sender) to reach a state; the bound only stops a hung test.</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > until) throw new Xunit.Sdk.XunitException($"未等到：{what}（最后的值：{value}）");
            await Task.Delay(100);
        }
    }
}
