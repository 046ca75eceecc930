using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Parley.Server.Tests;

/// <summary>What a fresh start gives: the database, the admin invite, health, OpenAPI, problems for unknown paths.</summary>
public sealed class StartupTests(ParleyFactory factory) : IClassFixture<ParleyFactory>
{
    [Fact]
    public async Task AFreshStartCreatesTheDatabaseInTheDataDirectoryAndAnAdminInvite()
    {
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "parley.db")));
        await factory.WithDbAsync(async db =>
        {
            var admin = await db.Invites.SingleAsync(i => i.GrantsAdmin && i.CreatedById == null);
            Assert.Equal(22, admin.Code.Length);
        });
    }

    [Fact]
    public async Task TheAdminInviteMakesItsRedeemerAnAdminWithoutQuota()
    {
        string code = "";
        await factory.WithDbAsync(async db => code = (await db.Invites.FirstAsync(i => i.GrantsAdmin)).Code);
        var user = new TestUser(factory.BaseAddress, "theadmin");

        var response = await user.Http.PostAsJsonAsync("/api/v1/auth/register", new { inviteCode = code, userName = "theadmin", displayName = "Admin", password = TestUser.Password });

        await Expect.StatusAsync(response, HttpStatusCode.Created);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(me.GetProperty("isAdmin").GetBoolean());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("invitesLeft").ValueKind);
        Assert.Equal(JsonValueKind.Null, me.GetProperty("nominatedBy").ValueKind);
    }

    [Fact]
    public async Task HealthzAnswersOk()
    {
        using var http = new HttpClient { BaseAddress = factory.BaseAddress };

        var body = await http.GetFromJsonAsync<JsonElement>("/healthz");

        Assert.Equal("ok", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApiDescribesTheApi()
    {
        using var http = new HttpClient { BaseAddress = factory.BaseAddress };

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/auth/register", "/api/v1/hallway", "/api/v1/rooms/{id}", "/api/v1/users/{userName}/follow" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
        }
    }

    [Fact]
    public async Task UnknownApiPathsAndAnonymousCallsGetProblemDetails()
    {
        using var http = new HttpClient { BaseAddress = factory.BaseAddress };

        await Expect.ProblemAsync(await http.GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound);
        var unauthorized = await Expect.ProblemAsync(await http.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
        Assert.Equal("Sign in first.", unauthorized.GetProperty("detail").GetString());
    }
}
