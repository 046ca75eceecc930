using System.Net;

namespace Parley.Server.Tests;

/// <summary>A server with a permit of 3 requests a minute per client and endpoint.</summary>
public sealed class RateLimitedFactory : ParleyFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Parley:RateLimits:PermitLimit", "3"),
        new("Parley:RateLimits:Window", "00:01:00"),
    ];
}

/// <summary>Login, sign-up and invite preview answer 429 with Retry-After past the limit.</summary>
public sealed class RateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Theory]
    [InlineData("POST", "/api/v1/auth/login")]
    [InlineData("POST", "/api/v1/auth/register")]
    [InlineData("GET", "/api/v1/invites/AAAAAAAAAAAAAAAAAAAAAA/preview")]
    public async Task TheFourthAttemptWithinAMinuteIsRefusedWithRetryAfter(string method, string path)
    {
        using var http = new HttpClient { BaseAddress = factory.BaseAddress };
        HttpResponseMessage Send() => http.Send(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { userName = "nobody", password = "Wrong-pass1", inviteCode = "x", displayName = "x" }) : null,
        });

        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, Send().StatusCode);
        }
        var refused = Send();

        await Expect.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 60);
    }

    [Fact]
    public async Task GuessingDifferentInviteCodesSharesOneAllowance()
    {
        using var http = new HttpClient { BaseAddress = factory.BaseAddress };
        // The preview theory above may have spent this client's allowance already; either way a
        // fifth guess with a fresh code cannot get through.
        for (var i = 0; i < 4; i++)
        {
            await http.GetAsync($"/api/v1/invites/{Guid.NewGuid():N}/preview");
        }

        var refused = await http.GetAsync($"/api/v1/invites/{Guid.NewGuid():N}/preview");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }
}

/// <summary>A server allowing a hub connection 5 calls at once and 1 a second after.</summary>
public sealed class HubFloodFactory : ParleyFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Parley:Hub:CallBurst", "5"),
        new("Parley:Hub:CallsPerSecond", "1"),
    ];
}

/// <summary>A connection that floods the hub gets rate_limited refusals.</summary>
public sealed class HubRateLimitTests(HubFloodFactory factory) : IClassFixture<HubFloodFactory>
{
    [Fact]
    public async Task AConnectionFloodingTheHubIsRateLimited()
    {
        var user = await factory.SignUpAsync("flooder");
        var connection = await user.ConnectAsync();

        var codes = new List<Protocol.Rooms.RoomErrorCode?>();
        for (var i = 0; i < 8; i++)
        {
            codes.Add(await connection.RefusedAsync(Protocol.Rooms.RoomHubMethods.RaiseHand, "aaaaaaaaaaaa"));
        }

        Assert.Contains(Protocol.Rooms.RoomErrorCode.RateLimited, codes);
        Assert.Equal(Protocol.Rooms.RoomErrorCode.NotFound, codes[0]);
    }
}
