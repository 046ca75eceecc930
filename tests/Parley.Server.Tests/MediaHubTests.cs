using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.SignalR.Client;
using Parley.Media;
using Parley.Protocol.Rooms;
using Parley.Server.Media;
using Parley.Server.Moderation;
using Microsoft.AspNetCore.SignalR;

namespace Parley.Server.Tests;

/// <summary>
/// Live audio through the hub: C# bot peers join as users, ConnectMedia to the server's own SFU
/// over real UDP on 127.0.0.1, and the room grain's stage decides who is forwarded.
/// </summary>
public sealed class MediaHubTests(StageFactory factory) : IClassFixture<StageFactory>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    private async Task<string> OpenRoomAsync(TestUser host)
    {
        var response = await host.Http.PostAsJsonAsync("/api/v1/rooms", new { title = "audio", visibility = "open" });
        return (await response.Content.ReadFromJsonAsync<Room>())!.Id;
    }

    private MediaServer Sfu => factory.Services.GetRequiredService<MediaHost>().Server;

    [Fact]
    public async Task ABotListenerHearsOnlyUnmutedSpeakersAsTheStageChanges()
    {
        var hostUser = await factory.SignUpAsync("media_host");
        var guestUser = await factory.SignUpAsync("media_guest");
        var listenerUser = await factory.SignUpAsync("media_bot");
        var roomId = await OpenRoomAsync(hostUser);
        await using var host = await MediaBot.JoinAsync(hostUser, roomId);
        await using var guest = await MediaBot.JoinAsync(guestUser, roomId);
        await using var listener = await MediaBot.JoinAsync(listenerUser, roomId);
        var speakers = new TaskCompletionSource<ActiveSpeakers>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Hub.Connection.On<ActiveSpeakers>(MediaHubMethods.ActiveSpeakers, message =>
        {
            if (message.UserIds.Contains(hostUser.Id))
            {
                speakers.TrySetResult(message);
            }
        });
        host.Publish(440);
        guest.Publish(880);

        await listener.WaitUntilHearsAsync(440, TimeSpan.FromSeconds(10), "the host is a moderator");
        var active = await speakers.Task.WaitAsync(Soon);
        Assert.Equal(roomId, active.RoomId);
        Assert.DoesNotContain(guestUser.Id, active.UserIds);
        await listener.AssertNeverHearsAsync(880, TimeSpan.FromSeconds(1.5), "the guest is in the audience, though it sends");

        await guest.Hub.InvokeAsync(RoomHubMethods.RaiseHand, roomId);
        await host.Hub.InvokeAsync(RoomHubMethods.InviteToSpeak, roomId, guestUser.Id);
        await guest.Hub.InvokeAsync(RoomHubMethods.AcceptSpeakInvite, roomId);
        await listener.WaitUntilHearsAsync(880, Soon, "the guest accepted the invite to speak");

        await host.Hub.InvokeAsync(RoomHubMethods.SetSelfMuted, roomId, true);
        await listener.WaitUntilSilentAsync(440, Soon, "the host muted themself");
        await listener.AssertNeverHearsAsync(440, TimeSpan.FromSeconds(1), "the host is muted, though it sends");
        Assert.True(await listener.HearsAsync(880), "the guest is still heard");

        await host.Hub.InvokeAsync(RoomHubMethods.MoveToAudience, roomId, guestUser.Id);
        await listener.WaitUntilSilentAsync(880, Soon, "the guest was moved to the audience");
        var sent = guest.Peer.PacketsSent;
        await listener.AssertNeverHearsAsync(880, TimeSpan.FromSeconds(1), "the guest is in the audience again");
        Assert.True(guest.Peer.PacketsSent > sent, "the guest's client kept sending all along");

        await host.Hub.InvokeAsync(RoomHubMethods.SetSelfMuted, roomId, false);
        await listener.WaitUntilHearsAsync(440, Soon, "the host unmuted");

        await host.Hub.InvokeAsync(RoomHubMethods.RemoveParticipant, roomId, listenerUser.Id);
        await WaitUntilAsync(() => Sfu.GetPeerStats(MediaSessions.PeerId(roomId, listenerUser.Id)) is null, "the removed listener's media session to close");

        await host.Hub.InvokeAsync(RoomHubMethods.EndRoom, roomId);
        await WaitUntilAsync(() => Sfu.GetRoomStats(roomId) is null, "every media session of the ended room to close");
    }

    [Fact]
    public async Task ABannedSpeakerIsSilencedAtOnceAndTheirMediaSessionClosed()
    {
        var hostUser = await factory.SignUpAsync("media_ban_host");
        var speakerUser = await factory.SignUpAsync("media_banned");
        var listenerUser = await factory.SignUpAsync("media_ban_bot");
        var roomId = await OpenRoomAsync(hostUser);
        await using var host = await MediaBot.JoinAsync(hostUser, roomId);
        await using var speaker = await MediaBot.JoinAsync(speakerUser, roomId);
        await using var listener = await MediaBot.JoinAsync(listenerUser, roomId);
        speaker.Publish(880);
        await host.Hub.InvokeAsync(RoomHubMethods.InviteToSpeak, roomId, speakerUser.Id);
        await speaker.Hub.InvokeAsync(RoomHubMethods.AcceptSpeakInvite, roomId);
        await listener.WaitUntilHearsAsync(880, TimeSpan.FromSeconds(10), "the speaker accepted the invite");

        await host.Hub.InvokeAsync(ModerationHubMethods.BanUser, roomId, speakerUser.UserName, false);

        await listener.WaitUntilSilentAsync(880, Soon, "the speaker was banned");
        await WaitUntilAsync(() => Sfu.GetPeerStats(MediaSessions.PeerId(roomId, speakerUser.Id)) is null, "the banned speaker's media session to close");
        // Their client cannot get back in: not to the room, so not to the media either.
        await Assert.ThrowsAsync<HubException>(() => speaker.Hub.Connection.InvokeAsync<string>(MediaHubMethods.ConnectMedia, roomId, "v=0"));
    }

    [Fact]
    public async Task ASecondConnectMediaReplacesTheSessionAndTheListenerHearsAgain()
    {
        var hostUser = await factory.SignUpAsync("media_host2");
        var listenerUser = await factory.SignUpAsync("media_bot2");
        var roomId = await OpenRoomAsync(hostUser);
        await using var host = await MediaBot.JoinAsync(hostUser, roomId);
        await using var listener = await MediaBot.JoinAsync(listenerUser, roomId);
        host.Publish(440);
        await listener.WaitUntilHearsAsync(440, TimeSpan.FromSeconds(10), "the host is a moderator");

        // The host's session is replaced (as after an ICE failure): the publish right carries over.
        await host.Peer.DisposeAsync();
        await using var again = new Parley.Client.Media.AudioPeer();
        var answer = await host.Hub.Connection.InvokeAsync<string>(MediaHubMethods.ConnectMedia, roomId, again.CreateOffer());
        await again.ConnectAsync(answer).WaitAsync(TimeSpan.FromSeconds(15));
        again.StartPublishing(new Parley.Client.Audio.ToneSource(440));
        await listener.WaitUntilHearsAsync(440, Soon, "the host's new session publishes");
    }

    [Fact]
    public async Task ConnectMediaIsRefusedToSomeoneNotInTheRoomAndForAnUnusableOffer()
    {
        var hostUser = await factory.SignUpAsync("media_host3");
        var strangerUser = await factory.SignUpAsync("media_stranger");
        var roomId = await OpenRoomAsync(hostUser);
        var host = await hostUser.ConnectAsync();
        await host.JoinAsync(roomId);
        var stranger = await strangerUser.ConnectAsync();
        await using var peer = new Parley.Client.Media.AudioPeer();

        Assert.Equal(RoomErrorCode.NotInRoom, await stranger.RefusedAsync(MediaHubMethods.ConnectMedia, roomId, peer.CreateOffer()));
        Assert.Equal(RoomErrorCode.BadRequest, await host.RefusedAsync(MediaHubMethods.ConnectMedia, roomId, "v=0\r\n"));
        Assert.Equal(RoomErrorCode.NotFound, await host.RefusedAsync(MediaHubMethods.ConnectMedia, "nonexistent0", peer.CreateOffer()));
    }

    [Fact]
    public async Task IceServersAreEmptyWithoutTurnConfigured()
    {
        var user = await factory.SignUpAsync("media_ice");
        var ice = await user.Http.GetFromJsonAsync<IceServersResponse>(MediaHubMethods.IceServersPath);
        Assert.Empty(ice!.IceServers);
        using var anonymous = new HttpClient { BaseAddress = factory.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(MediaHubMethods.IceServersPath)).StatusCode);
    }

    [Fact]
    public void TurnCredentialsFollowTheCoturnRestScheme()
    {
        var time = new FixedTime(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var turn = new TurnCredentials(
            Options.Create(new TurnOptions { Secret = "north", Urls = ["turn:127.0.0.1:3478"], CredentialLifetime = TimeSpan.FromHours(1) }), time);

        var server = Assert.Single(turn.For("user-1").IceServers);

        Assert.Equal("1800003600:user-1", server.Username);
        // base64(HMAC-SHA1("north", "1800003600:user-1")), computed apart with
        // `printf '1800003600:user-1' | openssl dgst -sha1 -hmac north -binary | base64`.
        Assert.Equal("yKSR1GaNS6hOdoJUovuLvmt9TYA=", server.Credential);
        Assert.Equal(["turn:127.0.0.1:3478"], server.Urls);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var cts = new CancellationTokenSource(Soon);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!condition())
        {
            try
            {
                await timer.WaitForNextTickAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
