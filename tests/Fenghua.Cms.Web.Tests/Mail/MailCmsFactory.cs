using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using netDumbster.smtp;

namespace Fenghua.Cms.Web.Tests.Mail;

/// <summary>The product with its mail sender pointed at a real SMTP server (netDumbster) on 127.0.0.1.</summary>
public abstract class MailCmsFactory : CmsFactory
{
    public const string From = "奉化区政府网站 <noreply@fh.gov.cn>";

    protected MailCmsFactory(bool postgres) : base(postgres)
    {
        SmtpPort = FreePort();
        Smtp = SimpleSmtpServer.Start(SmtpPort);
    }

    public int SmtpPort { get; }
    public SimpleSmtpServer Smtp { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Fenghua:Mail:Host", "127.0.0.1");
        builder.UseSetting("Fenghua:Mail:Port", SmtpPort.ToString());
        builder.UseSetting("Fenghua:Mail:Security", "None");
        builder.UseSetting("Fenghua:Mail:From", From);
        builder.UseSetting("Fenghua:Mail:PollSeconds", "0.2");
        builder.UseSetting("Fenghua:Mail:RetryBaseSeconds", "0.5");
        builder.UseSetting("Fenghua:Mail:RetryMaxSeconds", "2");
        builder.UseSetting("Fenghua:Mail:TimeoutSeconds", "10");
    }

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Smtp.Stop();
    }
}

public sealed class SqliteMailCmsFactory() : MailCmsFactory(postgres: false);

public sealed class PostgresMailCmsFactory() : MailCmsFactory(postgres: true);
