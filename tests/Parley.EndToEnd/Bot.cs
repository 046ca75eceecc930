using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Parley.EndToEnd;

/// <summary>
/// An extra person without a browser: signs up over HTTP and joins rooms over the hub with the
/// .NET SignalR client, to fill the stage for the README screenshot.
/// </summary>
internal sealed class Bot : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly HubConnection _hub;

    private Bot(HttpClient http, HubConnection hub)
    {
        _http = http;
        _hub = hub;
    }

    public static async Task<Bot> SignUpAsync(Uri baseAddress, string inviteCode, string userName, string displayName)
    {
        var cookies = new CookieContainer();
#pragma warning disable CA2000 // the HttpClient owns and disposes the handler
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = baseAddress };
#pragma warning restore CA2000
        using var response = await http.PostAsJsonAsync("/api/v1/auth/register", new { inviteCode, userName, displayName, password = People.Password });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"sign-up of {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/room"), o => o.Cookies = cookies)
            .Build();
        await hub.StartAsync();
        return new Bot(http, hub);
    }

    public Task JoinAsync(string roomId) => _hub.InvokeAsync<JsonElement>("JoinRoom", roomId);

    public Task RaiseHandAsync(string roomId) => _hub.InvokeAsync("RaiseHand", roomId);

    public Task AcceptSpeakInviteAsync(string roomId) => _hub.InvokeAsync("AcceptSpeakInvite", roomId);

    public Task SetSelfMutedAsync(string roomId, bool muted) => _hub.InvokeAsync("SetSelfMuted", roomId, muted);

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _http.Dispose();
    }
}
