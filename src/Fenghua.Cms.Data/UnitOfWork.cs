using Microsoft.EntityFrameworkCore.Storage;

namespace Fenghua.Cms.Data;

/// <summary>
/// A transaction that joins the caller's when there is one (a recipe run wraps many changes
/// in one transaction so a failing step leaves nothing behind) and owns it otherwise.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly IDbContextTransaction? _owned;

    private UnitOfWork(IDbContextTransaction? owned) => _owned = owned;

    public static async Task<UnitOfWork> BeginAsync(CmsDbContext db, CancellationToken ct = default) =>
        new(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null);

    public Task CommitAsync(CancellationToken ct = default) => _owned?.CommitAsync(ct) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
