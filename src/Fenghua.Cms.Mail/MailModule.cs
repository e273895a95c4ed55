namespace Fenghua.Cms.Mail;

/// <summary>Mail through the durable outbox with MailKit.</summary>
public static class MailModule
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration) => services;
}
