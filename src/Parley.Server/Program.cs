var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" }));
app.Run();

/// <summary>Entry point, public so WebApplicationFactory can start it in tests.</summary>
public partial class Program;
