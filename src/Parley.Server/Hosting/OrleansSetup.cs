using System.Net;
using Parley.Rooms;
using Parley.Server.Hubs;
using Parley.Server.Rooms;

namespace Parley.Server.Hosting;

internal static class OrleansSetup
{
    /// <summary>
    /// The embedded silo (localhost clustering by default) hosting the room grains, the EF-backed
    /// room history, and this node's room-event relay to SignalR.
    /// </summary>
    public static IHostApplicationBuilder AddParleyOrleans(this IHostApplicationBuilder builder)
    {
        var orleans = builder.Configuration.GetSection($"{ParleyOptions.Section}:Orleans").Get<OrleansOptions>() ?? new();
        builder.Services.AddSingleton<IRoomHistory, EfRoomHistory>();
        builder.Services.AddParleyRooms();
        builder.Services.Configure<RoomOptions>(builder.Configuration.GetSection($"{ParleyOptions.Section}:Rooms"));
        // Localhost clustering: this node is the primary silo, or joins the one at PrimarySiloPort
        // (several nodes on one machine). Production clustering (Redis) is a later step.
        var primary = orleans.PrimarySiloPort > 0 ? new IPEndPoint(IPAddress.Loopback, orleans.PrimarySiloPort) : null;
        builder.UseOrleans(silo => silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, primary, orleans.ServiceId, orleans.ClusterId));
        builder.Services.AddSingleton<RoomPresence>();
        builder.Services.AddSingleton<RoomEventRelay>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RoomEventRelay>());
        return builder;
    }
}
