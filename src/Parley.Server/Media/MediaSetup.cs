using Parley.Protocol.Rooms;
using Parley.Server.Api;

namespace Parley.Server.Media;

internal static class MediaSetup
{
    /// <summary>This node's SFU (one UDP port), the sessions kept in line with the room grains, and TURN credentials.</summary>
    public static IHostApplicationBuilder AddParleyMedia(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<MediaOptions>(builder.Configuration.GetSection(MediaOptions.Section));
        builder.Services.Configure<TurnOptions>(builder.Configuration.GetSection(TurnOptions.Section));
        builder.Services.AddSingleton<MediaHost>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MediaHost>());
        builder.Services.AddSingleton<ActiveSpeakerFeed>();
        builder.Services.AddSingleton<MediaSessions>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MediaSessions>());
        builder.Services.AddSingleton<TurnCredentials>();
        return builder;
    }

    /// <summary><c>GET /api/v1/media/ice-servers</c> (signed in).</summary>
    public static WebApplication MapParleyMedia(this WebApplication app)
    {
        app.MapGet(MediaHubMethods.IceServersPath, (HttpContext http, TurnCredentials turn) => TypedResults.Ok(turn.For(http.User.UserId())))
            .RequireAuthorization()
            .WithTags("Media");
        return app;
    }
}
