namespace Fenghua.Cms.Mail;

/// <summary>Mail written with the change that causes it and sent by a background sender with MailKit.</summary>
public static class MailModule
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MailQueue>();
        return services;
    }
}
