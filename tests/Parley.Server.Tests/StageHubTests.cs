using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Parley.Protocol.Rooms;

namespace Parley.Server.Tests;

/// <summary>A server whose disconnect grace is long enough to reconnect within on a busy machine.</summary>
public sealed class StageFactory : ParleyFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Parley:Hub:DisconnectGrace", "00:00:05")];
}

/// <summary>SignalR clients driving the stage through the hub, all seeing the same ordered state.</summary>
public sealed class StageHubTests(StageFactory factory) : IClassFixture<StageFactory>
{
    private async Task<string> OpenRoomAsync(TestUser host, string title = "stage")
    {
        var response = await host.Http.PostAsJsonAsync("/api/v1/rooms", new { title, visibility = "open" });
        return (await response.Content.ReadFromJsonAsync<Room>())!.Id;
    }

    [Fact]
    public async Task EveryoneSeesTheSameOrderedStageAndRefusedActionsChangeNothing()
    {
        var host = await factory.SignUpAsync("stage_host");
        var guest = await factory.SignUpAsync("stage_guest");
        var third = await factory.SignUpAsync("stage_third");
        var roomId = await OpenRoomAsync(host);
        var (h, g, t) = (await host.ConnectAsync(), await guest.ConnectAsync(), await third.ConnectAsync());

        var hostSnapshot = await h.JoinAsync(roomId);
        var guestSnapshot = await g.JoinAsync(roomId);
        var thirdSnapshot = await t.JoinAsync(roomId);
        Assert.Equal(ParticipantRole.Moderator, hostSnapshot.Participants.Single().Role);
        Assert.Equal((1L, 2L, 3L), (hostSnapshot.Version, guestSnapshot.Version, thirdSnapshot.Version));

        await g.InvokeAsync(RoomHubMethods.RaiseHand, roomId);                          // 4
        Assert.Equal(RoomErrorCode.Forbidden, await t.RefusedAsync(RoomHubMethods.InviteToSpeak, roomId, guest.Id));
        Assert.Equal(RoomErrorCode.InvalidState, await g.RefusedAsync(RoomHubMethods.AcceptSpeakInvite, roomId));
        await h.InvokeAsync(RoomHubMethods.InviteToSpeak, roomId, guest.Id);            // 5
        await g.InvokeAsync(RoomHubMethods.AcceptSpeakInvite, roomId);                  // 6
        await h.InvokeAsync(RoomHubMethods.MuteSpeaker, roomId, guest.Id);              // 7
        await g.InvokeAsync(RoomHubMethods.SetSelfMuted, roomId, false);                // 8
        Assert.Equal(RoomErrorCode.InvalidState, await t.RefusedAsync(RoomHubMethods.SetSelfMuted, roomId, true));
        await h.InvokeAsync(RoomHubMethods.MakeModerator, roomId, guest.Id);            // 9
        await g.InvokeAsync(RoomHubMethods.MoveToAudience, roomId, host.Id);            // 10
        Assert.Equal(RoomErrorCode.Forbidden, await h.RefusedAsync(RoomHubMethods.EndRoom, roomId));
        await g.InvokeAsync(RoomHubMethods.SetHandRaisingEnabled, roomId, false);       // 11
        Assert.Equal(RoomErrorCode.HandRaisingDisabled, await t.RefusedAsync(RoomHubMethods.RaiseHand, roomId));
        Assert.Equal(RoomErrorCode.NotInRoom, await g.RefusedAsync(RoomHubMethods.MuteSpeaker, roomId, "someone-else"));
        Assert.Equal(RoomErrorCode.BadRequest, await g.RefusedAsync(RoomHubMethods.MuteSpeaker, roomId, ""));
        await Task.WhenAll(h.WaitForVersionAsync(11), g.WaitForVersionAsync(11), t.WaitForVersionAsync(11));

        // Everyone's snapshot + deltas equals a fresh snapshot, and a rejoin keeps each role.
        var states = new[] { (h, hostSnapshot), (g, guestSnapshot), (t, thirdSnapshot) }
            .Select(x => Replay(x.Item2, x.Item1.Received, x.Item1.UserId)).ToList();
        var fresh = await g.JoinAsync(roomId);
        Assert.Equal(11, fresh.Version);
        Assert.All(states, state => Assert.Equal(ClientRoomState.ToJson(fresh), state.ToJson()));
        Assert.Equal(
            [ParticipantRole.Audience, ParticipantRole.Moderator, ParticipantRole.Audience],
            fresh.Participants.Select(p => p.Role));
        foreach (var (client, joinedAt) in new[] { (h, 1L), (g, 2L), (t, 3L) })
        {
            // Version ranges without gaps from (at the latest) the client's own join up to the last;
            // the listeners' joins are audience churn, folded into AudienceChanged ranges.
            var received = client.Received;
            var first = received[0].FromVersion ?? received[0].Version;
            Assert.True(first <= joinedAt, $"{client.UserId} first saw version {first}");
            var ranges = string.Join(",", received.Select(e => $"{e.FromVersion ?? e.Version}..{e.Version}"));
            Assert.True(received.Zip(received.Skip(1)).All(x => (x.Second.FromVersion ?? x.Second.Version) == x.First.Version + 1), $"{client.UserId}: {ranges}");
            Assert.Equal(11, received[^1].Version);
        }

        await g.InvokeAsync(RoomHubMethods.RemoveParticipant, roomId, third.Id);        // 12
        await t.WaitForVersionAsync(12);
        Assert.Equal(RoomErrorCode.Removed, await t.RefusedAsync(RoomHubMethods.JoinRoom, roomId));
        Assert.IsType<ParticipantRemoved>(t.Received[^1].Event);

        await g.InvokeAsync(RoomHubMethods.EndRoom, roomId);                            // 13
        await Task.WhenAll(h.WaitForVersionAsync(13), g.WaitForVersionAsync(13));
        Assert.IsType<RoomEnded>(h.Received[^1].Event);
        Assert.Equal(h.Received.Where(e => e.Version >= 2).Wire(), g.Received.Where(e => e.Version >= 2).Wire());
        Assert.Equal(12, t.Received[^1].Version);
        Assert.Equal(RoomErrorCode.RoomEnded, await h.RefusedAsync(RoomHubMethods.JoinRoom, roomId));
    }

    [Fact]
    public async Task AReconnectWithinTheGraceKeepsTheRoleAndLeavingAfterItHandsOverTheStage()
    {
        var host = await factory.SignUpAsync("grace_host");
        var speaker = await factory.SignUpAsync("grace_speaker");
        var roomId = await OpenRoomAsync(host, "grace");
        var h = await host.ConnectAsync();
        var s = await speaker.ConnectAsync();
        await h.JoinAsync(roomId);
        await s.JoinAsync(roomId);
        await h.InvokeAsync(RoomHubMethods.InviteToSpeak, roomId, speaker.Id);
        await s.InvokeAsync(RoomHubMethods.AcceptSpeakInvite, roomId);

        // The speaker's connection drops and comes back at once: same role, nobody saw them leave.
        await s.Connection.StopAsync();
        var back = await speaker.ConnectAsync();
        var snapshot = await back.JoinAsync(roomId);
        Assert.Equal(ParticipantRole.Speaker, snapshot.Participants.Single(p => p.UserId == speaker.Id).Role);

        // The host's connection drops for good: after the grace they leave and the speaker takes over.
        await h.Connection.StopAsync();
        await back.WaitForVersionAsync(snapshot.Version + 2);
        var events = back.Received.Where(e => e.Version > snapshot.Version).Select(e => e.Event).ToList();
        Assert.Equal(new ParticipantLeft(host.Id), events[0]);
        var handOver = Assert.IsType<RoleChanged>(events[1]);
        Assert.Equal((speaker.Id, ParticipantRole.Moderator), (handOver.UserId, handOver.Role));
    }

    [Fact]
    public async Task TheHubRefusesAnonymousConnections()
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(factory.BaseAddress, RoomHubMethods.Path)).Build();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task JoiningAnUnknownRoomIsNotFound()
    {
        var user = await factory.SignUpAsync("lost_user");
        var connection = await user.ConnectAsync();

        Assert.Equal(RoomErrorCode.NotFound, await connection.RefusedAsync(RoomHubMethods.JoinRoom, "aaaaaaaaaaaa"));
        Assert.Equal(RoomErrorCode.NotFound, await connection.RefusedAsync(RoomHubMethods.JoinRoom, "../../etc"));
        Assert.Equal(RoomErrorCode.NotFound, await connection.RefusedAsync(RoomHubMethods.RaiseHand, "aaaaaaaaaaaa"));
    }

    private static ClientRoomState Replay(RoomSnapshot snapshot, List<RoomEventEnvelope> received, string selfId)
    {
        var state = new ClientRoomState(snapshot, selfId);
        foreach (var envelope in received)
        {
            state.Apply(envelope);
        }
        return state;
    }
}
