using Fenghua.Cms.Data.Mail;
using Microsoft.EntityFrameworkCore;

namespace Fenghua.Cms.Data;

public abstract partial class CmsDbContext
{
    public DbSet<OutgoingMail> OutgoingMail => Set<OutgoingMail>();

    partial void ConfigureMail(ModelBuilder b)
    {
        b.Entity<OutgoingMail>(e =>
        {
            e.ToTable("OutgoingMail");
            // The sender's query: what is due, oldest first.
            e.HasIndex(m => new { m.State, m.NextAttemptUtc });
            e.Property(m => m.Kind).HasMaxLength(64);
            e.Property(m => m.ToAddress).HasMaxLength(320);
            e.Property(m => m.ToName).HasMaxLength(200);
            e.Property(m => m.Subject).HasMaxLength(500);
            e.Property(m => m.ClaimedBy).HasMaxLength(200);
            e.Property(m => m.LastError).HasMaxLength(2000);
        });
    }
}
