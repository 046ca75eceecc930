namespace Parley.Server.Api;

internal static class ParleyApi
{
    /// <summary>Every HTTP endpoint under <c>/api/v1</c> (signed-in unless marked anonymous), and <c>/healthz</c>.</summary>
    public static WebApplication MapParleyApi(this WebApplication app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).WithTags("Health");
        app.MapGroup("/api/v1")
            .RequireAuthorization()
            .MapAuthApi()
            .MapMeApi()
            .MapInvitesApi()
            .MapUsersApi()
            .MapRoomsApi()
            .MapHallwayApi()
            .MapModerationApi()
            .MapReportsApi()
            .MapRuntimeApi();
        return app;
    }
}
