using Parley.Server.Accounts;
using Parley.Server.Api;
using Parley.Server.Hosting;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddParleyData();       // EF Core (SQLite in the data directory, or PostgreSQL)
builder.AddParleyAuth();       // Identity, cookie parley.auth, 401/403 problems
builder.AddParleyApi();        // problem details, OpenAPI, rate limits
builder.AddParleyOrleans();    // embedded silo, room grains, the node's room-event relay
builder.AddParleyRealtime();   // SignalR room hub

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
app.MapWebClient();

await app.RunAsync();

/// <summary>Entry point, public so WebApplicationFactory can start it in tests.</summary>
public partial class Program;
