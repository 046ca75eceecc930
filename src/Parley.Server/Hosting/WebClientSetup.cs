using Microsoft.Extensions.FileProviders;

namespace Parley.Server.Hosting;

internal static class WebClientSetup
{
    /// <summary>
    /// Serves the built web client (web/dist) with an SPA fallback to index.html for every path
    /// that is not API, hub or OpenAPI. Unknown API paths get a 404 problem. When the client has
    /// not been built, nothing is served (and nothing fails).
    /// </summary>
    public static WebApplication MapWebClient(this WebApplication app)
    {
        app.Map("/api/{**rest}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "No such API endpoint.")).ExcludeFromDescription();
        app.Map("/hubs/{**rest}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "No such hub.")).ExcludeFromDescription();

        var configured = app.Configuration[$"{ParleyOptions.Section}:WebRoot"] ?? "../../web/dist";
        var root = Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, configured));
        if (!Directory.Exists(root))
        {
            if (app.Logger.IsEnabled(LogLevel.Information))
            {
                app.Logger.LogInformation("Web client not found at {WebRoot}; serving the API only", root);
            }
            return app;
        }
        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = files });
        return app;
    }
}
