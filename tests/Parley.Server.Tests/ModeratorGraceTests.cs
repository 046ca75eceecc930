using Parley.Protocol.Rooms;

namespace Parley.Server.Tests;

/// <summary>Listeners leave 0.3 s after their connection drops; moderators keep the room for 60 s.</summary>
public sealed class ModeratorGraceFactory : ParleyFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Parley:Hub:DisconnectGrace", "00:00:00.300"),
        new("Parley:Moderation:ModeratorDisconnectGrace", "00:01:00"),
    ];
}

public sealed class ModeratorGraceTests(ModeratorGraceFactory factory) : IClassFixture<ModeratorGraceFactory>
{
    [Fact]
    public async Task AModeratorWhoseConnectionDropsKeepsTheRoomAfterAListenersGraceHasPassed()
    {
        var host = await factory.SignUpAsync("grace_host");
        var listener = await factory.SignUpAsync("grace_listener");
        var watcher = await factory.SignUpAsync("grace_watcher");
        var room = await (await host.Http.PostAsJsonAsync("/api/v1/rooms", new { title = "grace" })).Content.ReadFromJsonAsync<Room>();
        var (h, l, w) = (await host.ConnectAsync(), await listener.ConnectAsync(), await watcher.ConnectAsync());
        await h.JoinAsync(room!.Id);
        await l.JoinAsync(room.Id);
        await w.JoinAsync(room.Id);                                   // 3

        await Task.WhenAll(h.Connection.StopAsync(), l.Connection.StopAsync());
        await w.WaitForVersionAsync(4);

        // The listener's quiet leave is audience churn: folded, it arrives as AudienceChanged.
        var left = w.Received.Single(e => (e.FromVersion ?? e.Version) <= 4 && e.Version >= 4);
        Assert.Equal(1, Assert.IsType<AudienceChanged>(left.Event).Left);
        Assert.Equal(1, left.AudienceCount);
        var snapshot = await w.JoinAsync(room.Id);
        Assert.Equal(4, snapshot.Version);
        Assert.Equal(ParticipantRole.Moderator, snapshot.Participants.Single(p => p.UserId == host.Id).Role);
    }
}
