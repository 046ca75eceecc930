using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Parley.Server.Data;

namespace Parley.Server.Accounts;

/// <summary>
/// A fresh install has no members and sign-up needs an invite: with an empty user table the
/// server makes an admin invite (or reuses the pending one) and prints its link once it listens.
/// </summary>
internal static class AdminInvite
{
    public static async Task PrintAdminInviteWhenEmptyAsync(this WebApplication app)
    {
        string code;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            if (await db.Users.AnyAsync())
            {
                return;
            }
            var invites = scope.ServiceProvider.GetRequiredService<InviteService>();
            var pending = (await db.Invites.Where(i => i.GrantsAdmin && i.UsedById == null && i.RevokedAt == null).ToListAsync())
                .FirstOrDefault(i => invites.StateOf(i) == InviteState.Valid);
            code = (pending ?? await invites.CreateAsync(createdById: null, grantsAdmin: true, CancellationToken.None)).Code;
        }
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var origin = PublicOrigin(addresses?.FirstOrDefault() ?? "http://localhost:5080");
            // The one line an operator needs; the code appears nowhere else in the output.
            Console.WriteLine($"Admin invite: {origin}/invite/{code}");
        });
    }

    private static string PublicOrigin(string address)
    {
        var uri = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        var host = uri.Host is "0.0.0.0" or "[::]" ? "localhost" : uri.Host;
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
