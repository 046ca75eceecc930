using Parley.Protocol.Rooms;

namespace Parley.Server.Tests;

/// <summary>A second node: same database, joins the first node's Orleans cluster.</summary>
public sealed class SecondNode(ParleyFactory primary) : ParleyFactory(primary.DataDirectory)
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Parley:Orleans:PrimarySiloPort", primary.SiloPort.ToString())];
}

/// <summary>Two server nodes in one Orleans cluster, as behind a load balancer.</summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public ParleyFactory First { get; } = new();

    public SecondNode Second { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await First.InitializeAsync();
        Second = new SecondNode(First);
        await Second.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}

/// <summary>Room events reach every node's connections through each node's observer, with no SignalR backplane.</summary>
public sealed class TwoNodeTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task PeopleOnDifferentNodesSeeTheSameStage()
    {
        var host = await nodes.First.SignUpAsync("node_host");
        var guest = await nodes.First.SignUpAsync("node_guest");
        // The guest talks to the second node with the cookie the first node gave (shared keys).
        var guestOnSecond = new TestUser(nodes.Second.BaseAddress, "node_guest") { Id = guest.Id };
        foreach (System.Net.Cookie cookie in guest.Cookies.GetAllCookies())
        {
            guestOnSecond.Cookies.Add(new Uri(nodes.Second.BaseAddress, "/"), new System.Net.Cookie(cookie.Name, cookie.Value));
        }
        var response = await host.Http.PostAsJsonAsync("/api/v1/rooms", new { title = "two nodes", visibility = "open" });
        var roomId = (await response.Content.ReadFromJsonAsync<Room>())!.Id;
        var h = await host.ConnectAsync();
        var g = await guestOnSecond.ConnectAsync();

        await h.JoinAsync(roomId);
        var guestSnapshot = await g.JoinAsync(roomId);
        await g.InvokeAsync(RoomHubMethods.RaiseHand, roomId);
        await h.InvokeAsync(RoomHubMethods.InviteToSpeak, roomId, guest.Id);
        await g.InvokeAsync(RoomHubMethods.AcceptSpeakInvite, roomId);
        await Task.WhenAll(h.WaitForVersionAsync(5), g.WaitForVersionAsync(5));

        Assert.Equal(2, guestSnapshot.Version);
        Assert.Equal(h.Received.Where(e => e.Version > 2).Wire(), g.Received.Where(e => e.Version > 2).Wire());
        var onStage = Assert.IsType<RoleChanged>(g.Received.Single(e => e.Version == 5).Event);
        Assert.Equal((guest.Id, ParticipantRole.Speaker), (onStage.UserId, onStage.Role));
        var seenFromSecond = await guestOnSecond.Http.GetFromJsonAsync<Room>($"/api/v1/rooms/{roomId}");
        Assert.Equal(2, seenFromSecond!.SpeakerCount);
    }
}
