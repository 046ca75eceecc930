using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;

namespace Parley.Rooms;

/// <summary>Registers what room grains need in a silo.</summary>
public static class RoomsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the room grains' services: a <see cref="TimeProvider"/>, a no-op
    /// <see cref="IRoomHistory"/> unless the host registered one, and System.Text.Json
    /// serialization for the wire records of Parley.Protocol, which carries no Orleans attributes
    /// (it has no dependencies); its polymorphic <c>RoomEvent</c> attributes apply there too.
    /// </summary>
    public static IServiceCollection AddParleyRooms(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRoomHistory, NoRoomHistory>();
        services.AddOptions<RoomOptions>();
        services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSupported: type => type.Namespace?.StartsWith("Parley.Protocol", StringComparison.Ordinal) == true));
        return services;
    }
}
