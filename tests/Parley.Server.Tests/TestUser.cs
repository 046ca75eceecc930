using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Parley.Protocol.Rooms;

namespace Parley.Server.Tests;

/// <summary>One person: an HttpClient with their cookie jar, and hub connections sharing it.</summary>
public sealed class TestUser : IAsyncDisposable
{
    public const string Password = "Correct-horse-9";

    private readonly List<HubConnection> _connections = [];

    public TestUser(Uri baseAddress, string userName)
    {
        BaseAddress = baseAddress;
        UserName = userName;
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true }) { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public string UserName { get; }

    public string Id { get; set; } = "";

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; }

    /// <summary>A started hub connection authenticated with this user's cookie, recording room events.</summary>
    public async Task<RoomEvents> ConnectAsync()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, RoomHubMethods.Path), options => options.Cookies = Cookies)
            .Build();
        var events = new RoomEvents(connection, Id);
        connection.On<RoomEventEnvelope>(RoomHubMethods.RoomEvent, events.Add);
        await connection.StartAsync();
        _connections.Add(connection);
        return events;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
        Http.Dispose();
    }
}
