using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Parley.Protocol.Accounts;
using Parley.Protocol.Rooms;

namespace Parley.Server.Tests;

/// <summary>Issue 6 through the real server: bans, blocks, reports and suspension, pings, the audit log.</summary>
public sealed class ModerationTests(ParleyFactory factory) : IClassFixture<ParleyFactory>
{
    private static async Task<string> OpenRoomAsync(TestUser host, string visibility = "open")
    {
        var response = await host.Http.PostAsJsonAsync("/api/v1/rooms", new { title = "safety", visibility });
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<Room>())!.Id;
    }

    [Fact]
    public async Task AListenerCannotBanAndABannedUserIsRemovedAndRefusedOnJoinAndReconnect()
    {
        var host = await factory.SignUpAsync("ban_host");
        var guest = await factory.SignUpAsync("ban_guest");
        var listener = await factory.SignUpAsync("ban_listener");
        var absent = await factory.SignUpAsync("ban_absent");
        var roomId = await OpenRoomAsync(host);
        var (h, g, l) = (await host.ConnectAsync(), await guest.ConnectAsync(), await listener.ConnectAsync());
        await h.JoinAsync(roomId);
        await g.JoinAsync(roomId);
        await l.JoinAsync(roomId);                                                        // 3

        Assert.Equal(RoomErrorCode.Forbidden, await l.RefusedAsync("BanUser", roomId, "ban_guest", false));
        await h.InvokeAsync("BanUser", roomId, "ban_guest", false);                         // 4: removed
        await h.InvokeAsync("BanUser", roomId, "ban_absent", false);                        // no event

        await g.WaitForVersionAsync(4);
        Assert.Equal(new ParticipantRemoved(guest.Id), g.Received[^1].Event);
        Assert.Equal(RoomErrorCode.Removed, await g.RefusedAsync(RoomHubMethods.JoinRoom, roomId));
        var reconnect = await guest.ConnectAsync();
        Assert.Equal(RoomErrorCode.Removed, await reconnect.RefusedAsync(RoomHubMethods.JoinRoom, roomId));
        var a = await absent.ConnectAsync();
        Assert.Equal(RoomErrorCode.Removed, await a.RefusedAsync(RoomHubMethods.JoinRoom, roomId));

        // Only moderators see the bans and the room's audit log; an unban admits again.
        await Expect.ProblemAsync(await listener.Http.GetAsync($"/api/v1/rooms/{roomId}/bans"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await listener.Http.GetAsync($"/api/v1/rooms/{roomId}/audit"), HttpStatusCode.Forbidden);
        var bans = await host.Http.GetFromJsonAsync<JsonElement>($"/api/v1/rooms/{roomId}/bans");
        Assert.Equal(2, bans.GetArrayLength());
        Assert.Equal(RoomErrorCode.Forbidden, await l.RefusedAsync("UnbanUser", roomId, "ban_absent"));
        await h.InvokeAsync("UnbanUser", roomId, "ban_absent");
        Assert.Equal(ParticipantRole.Audience, (await a.JoinAsync(roomId)).Participants.Single(p => p.UserId == absent.Id).Role);

        var audit = await host.Http.GetFromJsonAsync<JsonElement>($"/api/v1/rooms/{roomId}/audit");
        var actions = audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["UnbanUser", "BanUser", "BanUser"], actions);
        Assert.All(audit.EnumerateArray(), e => Assert.Equal("ban_host", e.GetProperty("actor").GetProperty("userName").GetString()));
    }

    [Fact]
    public async Task ABanForEveryRoomTheModeratorHostsCoversTheirNextRoomAndIsLiftedByThem()
    {
        var host = await factory.SignUpAsync("wide_host");
        var troll = await factory.SignUpAsync("wide_troll");
        var first = await OpenRoomAsync(host);
        var h = await host.ConnectAsync();
        await h.JoinAsync(first);
        await h.InvokeAsync("BanUser", first, "wide_troll", true);

        var second = await OpenRoomAsync(host);
        var t = await troll.ConnectAsync();
        Assert.Equal(RoomErrorCode.Removed, await t.RefusedAsync(RoomHubMethods.JoinRoom, second));
        var hallway = await troll.Http.GetFromJsonAsync<RoomList>("/api/v1/hallway");
        Assert.DoesNotContain(hallway!.Rooms, r => r.Id == second);

        await Expect.StatusAsync(await host.Http.DeleteAsync("/api/v1/me/bans/wide_troll"), HttpStatusCode.NoContent);
        await t.JoinAsync(second);
    }

    [Fact]
    public async Task ABlockedUserCannotSeeOrJoinTheBlockersRoomsUntilUnblocked()
    {
        var host = await factory.SignUpAsync("block_host");
        var blocked = await factory.SignUpAsync("block_blocked");
        var roomId = await OpenRoomAsync(host);
        await Expect.StatusAsync(await host.Http.PutAsync("/api/v1/me/blocks/block_blocked", null), HttpStatusCode.NoContent);

        var hallway = await blocked.Http.GetFromJsonAsync<RoomList>("/api/v1/hallway");
        Assert.DoesNotContain(hallway!.Rooms, r => r.Id == roomId);
        await Expect.ProblemAsync(await blocked.Http.GetAsync($"/api/v1/rooms/{roomId}"), HttpStatusCode.NotFound);
        var b = await blocked.ConnectAsync();
        Assert.Equal(RoomErrorCode.NotFound, await b.RefusedAsync(RoomHubMethods.JoinRoom, roomId));
        var blocks = await host.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/blocks");
        Assert.Equal(blocked.Id, blocks[0].GetProperty("user").GetProperty("id").GetString());

        await Expect.StatusAsync(await host.Http.DeleteAsync("/api/v1/me/blocks/block_blocked"), HttpStatusCode.NoContent);
        await b.JoinAsync(roomId);
    }

    [Fact]
    public async Task AReportKeepsTheStageAndASuspendedUsersCookieSignInAndInvitesStopWorking()
    {
        var admin = await factory.SignUpAsync("rep_admin", admin: true);
        var host = await factory.SignUpAsync("rep_host");
        var reporter = await factory.SignUpAsync("rep_reporter");
        var roomId = await OpenRoomAsync(host);
        var watcher = await factory.SignUpAsync("rep_watcher");
        var w = await watcher.ConnectAsync();
        await (await host.ConnectAsync()).JoinAsync(roomId);                              // 1
        await w.JoinAsync(roomId);                                                        // 2
        var invite = await (await host.Http.PostAsync("/api/v1/invites", null)).Content.ReadFromJsonAsync<Invite>();

        var created = await reporter.Http.PostAsJsonAsync("/api/v1/reports", new { userName = "rep_host", roomId, reason = "shouting slurs" });
        await Expect.StatusAsync(created, HttpStatusCode.Created);
        await Expect.ProblemAsync(await reporter.Http.GetAsync("/api/v1/admin/reports"), HttpStatusCode.Forbidden);
        var open = await admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/reports");
        var report = open.EnumerateArray().Single(r => r.GetProperty("target").GetProperty("userName").GetString() == "rep_host");
        Assert.Equal("rep_host", report.GetProperty("stage")[0].GetProperty("userName").GetString());
        var reportId = report.GetProperty("id").GetInt64();

        await Expect.ProblemAsync(await reporter.Http.PostAsync($"/api/v1/admin/reports/{reportId}/suspend", null), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await admin.Http.PostAsync($"/api/v1/admin/reports/{reportId}/suspend", null), HttpStatusCode.OK);

        await w.WaitForVersionAsync(3);
        Assert.Equal(new ParticipantRemoved(host.Id), w.Received[^1].Event);
        await Expect.ProblemAsync(await host.Http.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
        await using var fresh = new TestUser(factory.BaseAddress, "rep_host");
        var login = await fresh.Http.PostAsJsonAsync("/api/v1/auth/login", new { userName = "rep_host", password = TestUser.Password });
        await Expect.ProblemAsync(login, HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await fresh.Http.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
        await Expect.ProblemAsync(await reporter.Http.GetAsync($"/api/v1/invites/{invite!.Code}/preview"), HttpStatusCode.Gone);
        var audit = await admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "SuspendUser");
        Assert.Equal(0, (await admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/reports")).EnumerateArray()
            .Count(r => r.GetProperty("id").GetInt64() == reportId));
    }

    [Fact]
    public async Task ASpeakerPingsSomeoneTheyFollowIntoAClosedRoomAndTheyMayEnter()
    {
        var host = await factory.SignUpAsync("ping_host");
        var friend = await factory.SignUpAsync("ping_friend");
        var stranger = await factory.SignUpAsync("ping_stranger");
        var roomId = await OpenRoomAsync(host, "closed");
        await (await host.ConnectAsync()).JoinAsync(roomId);
        var f = await friend.ConnectAsync();
        Assert.Equal(RoomErrorCode.NotFound, await f.RefusedAsync(RoomHubMethods.JoinRoom, roomId));

        await Expect.ProblemAsync(await host.Http.PostAsJsonAsync($"/api/v1/rooms/{roomId}/pings", new { userName = "ping_friend" }), HttpStatusCode.Forbidden);
        await host.Http.PostAsync("/api/v1/users/ping_friend/follow", null);
        await Expect.StatusAsync(await host.Http.PostAsJsonAsync($"/api/v1/rooms/{roomId}/pings", new { userName = "ping_friend" }), HttpStatusCode.NoContent);

        var notifications = await friend.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
        Assert.Equal($"/rooms/{roomId}", notifications[0].GetProperty("link").GetString());
        Assert.Equal("ping", notifications[0].GetProperty("kind").GetString());
        await f.JoinAsync(roomId);
        var s = await stranger.ConnectAsync();
        Assert.Equal(RoomErrorCode.NotFound, await s.RefusedAsync(RoomHubMethods.JoinRoom, roomId));
    }

    [Fact]
    public async Task ModeratorsAcceptTheNextHandClearHandsMuteAllAndHandOver()
    {
        var host = await factory.SignUpAsync("queue_host");
        var first = await factory.SignUpAsync("queue_first");
        var second = await factory.SignUpAsync("queue_second");
        var roomId = await OpenRoomAsync(host);
        var (h, a, b) = (await host.ConnectAsync(), await first.ConnectAsync(), await second.ConnectAsync());
        await h.JoinAsync(roomId);
        await a.JoinAsync(roomId);
        await b.JoinAsync(roomId);
        await a.InvokeAsync(RoomHubMethods.RaiseHand, roomId);
        await b.InvokeAsync(RoomHubMethods.RaiseHand, roomId);

        Assert.Equal(RoomErrorCode.Forbidden, await b.RefusedAsync("AcceptNextHand", roomId));
        await h.InvokeAsync("AcceptNextHand", roomId);
        await h.InvokeAsync("ClearHands", roomId);
        await h.InvokeAsync("MuteAllSpeakers", roomId);
        await h.InvokeAsync("HandOver", roomId, first.Id);

        var snapshot = await b.JoinAsync(roomId);
        var roles = snapshot.Participants.ToDictionary(p => p.UserId);
        Assert.Equal(ParticipantRole.Speaker, roles[host.Id].Role);
        Assert.Equal(ParticipantRole.Moderator, roles[first.Id].Role);
        Assert.True(roles[first.Id].Muted);
        Assert.Null(roles[second.Id].HandRaisedAt);
        var audit = await first.Http.GetFromJsonAsync<JsonElement>($"/api/v1/rooms/{roomId}/audit");
        Assert.Equal(["HandOver", "MuteAllSpeakers", "ClearHands", "AcceptNextHand"], audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }
}

/// <summary>Tight limits: new accounts may not start rooms, and a flooding connection is closed.</summary>
public sealed class StrictLimitsFactory : ParleyFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Parley:Moderation:NewAccountRoomDelay", "01:00:00"),
        new("Parley:Moderation:FloodStrikes", "5"),
        new("Parley:Hub:CallBurst", "5"),
        new("Parley:Hub:CallsPerSecond", "1"),
    ];
}

public sealed class AbuseLimitTests(StrictLimitsFactory factory) : IClassFixture<StrictLimitsFactory>
{
    [Fact]
    public async Task ANewAccountCannotStartARoomButAnAdminCan()
    {
        var newcomer = await factory.SignUpAsync("limit_new");
        var admin = await factory.SignUpAsync("limit_admin", admin: true);

        var refused = await newcomer.Http.PostAsJsonAsync("/api/v1/rooms", new { title = "spam" });
        await Expect.ProblemAsync(refused, HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await admin.Http.PostAsJsonAsync("/api/v1/rooms", new { title = "fine" }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task AHubClientThatFloodsIsDisconnectedWithAReason()
    {
        var flooder = await factory.SignUpAsync("limit_flooder");
        var events = await flooder.ConnectAsync();
        var reason = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        events.Connection.On<string>("Disconnected", r => reason.TrySetResult(r));
        events.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        for (var i = 0; i < 40 && !closed.Task.IsCompleted; i++)
        {
            try
            {
                await events.Connection.InvokeAsync(RoomHubMethods.LowerHand, "aaaaaaaaaaaa");
            }
            catch (Exception exception) when (exception is HubException or InvalidOperationException or TaskCanceledException or IOException)
            {
                // Refused or already closed: keep flooding until the server closes the connection.
            }
        }

        Assert.StartsWith("rate_limited", await reason.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}

/// <summary>One ping an hour, two raised hands a minute; the hub's own call limit at its default.</summary>
public sealed class LowLimitsFactory : ParleyFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Parley:Moderation:PingsPerHour", "1"),
        new("Parley:Moderation:HandRaisesPerMinute", "2"),
    ];
}

public sealed class LowLimitTests(LowLimitsFactory factory) : IClassFixture<LowLimitsFactory>
{
    [Fact]
    public async Task PingsAndHandRaisesPastTheirLimitsAreRefused()
    {
        var admin = await factory.SignUpAsync("limit_host", admin: true);
        var friend = await factory.SignUpAsync("limit_friend");
        var room = await (await admin.Http.PostAsJsonAsync("/api/v1/rooms", new { title = "limits" })).Content.ReadFromJsonAsync<Room>();
        var (h, f) = (await admin.ConnectAsync(), await friend.ConnectAsync());
        await h.JoinAsync(room!.Id);
        await f.JoinAsync(room.Id);
        await admin.Http.PostAsync("/api/v1/users/limit_friend/follow", null);

        await Expect.StatusAsync(await admin.Http.PostAsJsonAsync($"/api/v1/rooms/{room.Id}/pings", new { userName = "limit_friend" }), HttpStatusCode.NoContent);
        await Expect.ProblemAsync(await admin.Http.PostAsJsonAsync($"/api/v1/rooms/{room.Id}/pings", new { userName = "limit_friend" }), HttpStatusCode.TooManyRequests);

        await f.InvokeAsync(RoomHubMethods.RaiseHand, room.Id);
        await f.InvokeAsync(RoomHubMethods.LowerHand, room.Id);
        await f.InvokeAsync(RoomHubMethods.RaiseHand, room.Id);
        await f.InvokeAsync(RoomHubMethods.LowerHand, room.Id);
        var refused = await Assert.ThrowsAsync<HubException>(() => f.InvokeAsync(RoomHubMethods.RaiseHand, room.Id));
        Assert.Equal(RoomErrorCode.RateLimited, RoomErrorCodes.FromMessage(refused.Message));
        Assert.Contains("too many raised hands", refused.Message, StringComparison.Ordinal);
    }
}
