using System.Net;
using Parley.Protocol.Rooms;

namespace Parley.Server.Tests;

/// <summary>Who sees which live room, in which order; room reads and history.</summary>
public sealed class HallwayTests(ParleyFactory factory) : IClassFixture<ParleyFactory>
{
    private static async Task<Room> CreateRoomAsync(TestUser host, string title, string visibility, params string[] invitees)
    {
        var response = await host.Http.PostAsJsonAsync("/api/v1/rooms", new { title, topics = new[] { "test" }, visibility, invitees });
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<Room>())!;
    }

    private static async Task<List<string>> HallwayTitlesAsync(TestUser user) =>
        [.. (await user.Http.GetFromJsonAsync<RoomList>("/api/v1/hallway"))!.Rooms.Select(r => r.Title)];

    [Fact]
    public async Task EachVisibilityShowsToTheRightPeople()
    {
        var host = await factory.SignUpAsync("vis_host");
        var friend = await factory.SignUpAsync("vis_friend");
        var fan = await factory.SignUpAsync("vis_fan");
        var guest = await factory.SignUpAsync("vis_guest");
        var stranger = await factory.SignUpAsync("vis_stranger");
        // The host follows the friend; the fan follows the host (which does not admit them to a social room).
        await host.Http.PostAsync("/api/v1/users/vis_friend/follow", null);
        await fan.Http.PostAsync("/api/v1/users/vis_host/follow", null);
        var open = await CreateRoomAsync(host, "vis open", "open");
        var social = await CreateRoomAsync(host, "vis social", "social");
        var closed = await CreateRoomAsync(host, "vis closed", "closed", "vis_guest");
        await using var hub = host;
        await (await host.ConnectAsync()).JoinAsync(open.Id);
        var hostEvents = await host.ConnectAsync();
        await hostEvents.JoinAsync(social.Id);
        await hostEvents.JoinAsync(closed.Id);

        Assert.Superset(new HashSet<string> { "vis open", "vis social", "vis closed" }, (await HallwayTitlesAsync(host)).ToHashSet());
        Assert.Superset(new HashSet<string> { "vis open", "vis social" }, (await HallwayTitlesAsync(friend)).ToHashSet());
        Assert.DoesNotContain("vis closed", await HallwayTitlesAsync(friend));
        Assert.Contains("vis open", await HallwayTitlesAsync(fan));
        Assert.DoesNotContain("vis social", await HallwayTitlesAsync(fan));
        Assert.Superset(new HashSet<string> { "vis open", "vis closed" }, (await HallwayTitlesAsync(guest)).ToHashSet());
        Assert.DoesNotContain("vis social", await HallwayTitlesAsync(guest));
        var strangerSees = await HallwayTitlesAsync(stranger);
        Assert.Contains("vis open", strangerSees);
        Assert.DoesNotContain("vis social", strangerSees);
        Assert.DoesNotContain("vis closed", strangerSees);

        await Expect.ProblemAsync(await stranger.Http.GetAsync($"/api/v1/rooms/{closed.Id}"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await stranger.Http.GetAsync($"/api/v1/rooms/{social.Id}"), HttpStatusCode.NotFound);
        var strangerHub = await stranger.ConnectAsync();
        Assert.Equal(RoomErrorCode.NotFound, await strangerHub.RefusedAsync(RoomHubMethods.JoinRoom, closed.Id));
        var guestHub = await guest.ConnectAsync();
        Assert.Equal(closed.Id, (await guestHub.JoinAsync(closed.Id)).RoomId);
    }

    [Fact]
    public async Task RoomsWithPeopleYouFollowOnStageComeFirst()
    {
        var busyHost = await factory.SignUpAsync("order_busy");
        var quietHost = await factory.SignUpAsync("order_quiet");
        var reader = await factory.SignUpAsync("order_reader");
        var crowd = await factory.SignUpAsync("order_crowd");
        await reader.Http.PostAsync("/api/v1/users/order_quiet/follow", null);
        var busy = await CreateRoomAsync(busyHost, "order busy", "open");
        var quiet = await CreateRoomAsync(quietHost, "order quiet", "open");
        await (await busyHost.ConnectAsync()).JoinAsync(busy.Id);
        await (await crowd.ConnectAsync()).JoinAsync(busy.Id);
        await (await quietHost.ConnectAsync()).JoinAsync(quiet.Id);

        var titles = (await HallwayTitlesAsync(reader)).Where(t => t.StartsWith("order ", StringComparison.Ordinal)).ToList();
        var crowdTitles = (await HallwayTitlesAsync(crowd)).Where(t => t.StartsWith("order ", StringComparison.Ordinal)).ToList();

        Assert.Equal(["order quiet", "order busy"], titles);
        Assert.Equal(["order busy", "order quiet"], crowdTitles);
        var room = await reader.Http.GetFromJsonAsync<Room>($"/api/v1/rooms/{busy.Id}");
        Assert.Equal((1, 1, true), (room!.SpeakerCount, room.ListenerCount, room.IsLive));
        Assert.Equal("order_busy", Assert.Single(room.Speakers).UserName);
    }

    [Fact]
    public async Task AnEndedRoomLeavesTheHallwayAndStaysInHistory()
    {
        var host = await factory.SignUpAsync("end_host");
        var listener = await factory.SignUpAsync("end_listener");
        var room = await CreateRoomAsync(host, "end me", "open");
        var hostHub = await host.ConnectAsync();
        await hostHub.JoinAsync(room.Id);
        var listenerHub = await listener.ConnectAsync();
        await listenerHub.JoinAsync(room.Id);

        await hostHub.InvokeAsync(RoomHubMethods.EndRoom, room.Id);
        await listenerHub.WaitForVersionAsync(3);

        Assert.DoesNotContain("end me", await HallwayTitlesAsync(listener));
        var history = await listener.Http.GetFromJsonAsync<RoomList>("/api/v1/rooms/history");
        var ended = Assert.Single(history!.Rooms, r => r.Id == room.Id);
        Assert.False(ended.IsLive);
        Assert.NotNull(ended.EndedAt);
        Assert.Equal(RoomErrorCode.RoomEnded, await listenerHub.RefusedAsync(RoomHubMethods.JoinRoom, room.Id));
    }

    [Fact]
    public async Task BadRoomInputGetsAValidationProblem()
    {
        var host = await factory.SignUpAsync("bad_room_host");

        var response = await host.Http.PostAsJsonAsync("/api/v1/rooms", new
        {
            title = new string('t', 61),
            topics = new[] { "a", "b", "c", "d" },
            visibility = "open",
            invitees = new[] { "nobody_by_this_name" },
        });

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("topics", out _));
        Assert.True(errors.TryGetProperty("invitees", out _));
        await Expect.StatusAsync(await host.Http.PostAsJsonAsync("/api/v1/rooms", new { title = "x", visibility = "sideways" }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OnlyAModeratorMayInviteToAClosedRoom()
    {
        var host = await factory.SignUpAsync("inv_host");
        var listener = await factory.SignUpAsync("inv_listener");
        var late = await factory.SignUpAsync("inv_late");
        var room = await CreateRoomAsync(host, "closed club", "closed", "inv_listener");
        await (await host.ConnectAsync()).JoinAsync(room.Id);
        await (await listener.ConnectAsync()).JoinAsync(room.Id);

        await Expect.ProblemAsync(await listener.Http.PostAsJsonAsync($"/api/v1/rooms/{room.Id}/invitees", new { userName = "inv_late" }), HttpStatusCode.Forbidden);
        Assert.DoesNotContain("closed club", await HallwayTitlesAsync(late));
        await Expect.StatusAsync(await host.Http.PostAsJsonAsync($"/api/v1/rooms/{room.Id}/invitees", new { userName = "inv_late" }), HttpStatusCode.NoContent);

        Assert.Contains("closed club", await HallwayTitlesAsync(late));
    }
}
