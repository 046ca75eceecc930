using Microsoft.AspNetCore.SignalR;
using Parley.Protocol.Rooms;
using Parley.Server.Hubs;
using Parley.Server.Rooms;
using Parley.Server.Accounts;

namespace Parley.Server.Hosting;

internal static class RealtimeSetup
{
    public static IHostApplicationBuilder AddParleyRealtime(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HubRateLimitFilter>();
        builder.Services.AddSingleton<HubErrorLogFilter>();
        builder.Services.AddSignalR(hub =>
        {
            hub.AddFilter<HubErrorLogFilter>();
            hub.AddFilter<HubRateLimitFilter>();
        });
        builder.Services.AddSingleton<DisconnectGrace>();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<RealtimeMetrics>();
        builder.Services.AddScoped<RoomAccess>();
        builder.Services.AddScoped<InviteService>();
        return builder;
    }

    public static WebApplication MapParleyHubs(this WebApplication app)
    {
        app.MapHub<RoomHub>(RoomHubMethods.Path);
        return app;
    }
}
