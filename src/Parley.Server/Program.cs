using Parley.Server.Accounts;
using Parley.Server.Api;
using Parley.Server.Hosting;
using Parley.Server.Media;
using Parley.Server.Moderation;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddParleyData();       // EF Core (SQLite in the data directory, or PostgreSQL)
builder.AddParleyAuth();       // Identity, cookie parley.auth, 401/403 problems
builder.AddParleyApi();        // problem details, OpenAPI, rate limits
builder.AddParleyOrleans();    // embedded silo, room grains, the node's room-event relay
builder.AddParleyRealtime();   // SignalR room hub
builder.AddParleyModeration(); // bans, blocks, reports, audit, abuse limits (issue 6)
builder.AddParleyMedia();      // the SFU (UDP), media sessions following the room grains, TURN credentials

var app = builder.Build();
await app.MigrateDatabaseAsync();
await app.PrintAdminInviteWhenEmptyAsync();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi();                // /openapi/v1.json
app.MapScalarApiReference();     // /scalar: a readable view of it
app.MapParleyApi();
app.MapParleyHubs();
app.MapParleyMedia();            // /api/v1/media/ice-servers
app.MapWebClient();

await app.RunAsync();

/// <summary>Entry point, public so WebApplicationFactory can start it in tests.</summary>
public partial class Program;
