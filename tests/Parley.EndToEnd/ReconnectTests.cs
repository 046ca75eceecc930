using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.EndToEnd;

/// <summary>A dropped connection in a real browser: the client reconnects and resyncs from a snapshot.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReconnectTests(ParleyFixture fixture)
{
    [Fact]
    public async Task AListenerWhoseConnectionDropsCatchesUpWithAFreshSnapshotOnReconnect()
    {
        await using var hostContext = await fixture.NewPersonAsync(phone: true);
        await using var guestContext = await fixture.NewPersonAsync(phone: true);
        var host = await hostContext.NewPageAsync();
        var guest = await guestContext.NewPageAsync();

        // The guest's hub traffic goes through Playwright, so the test can cut it and hold the
        // reconnect's negotiate request while the room changes without them.
        var sockets = new List<IWebSocketRoute>();
        await guest.RouteWebSocketAsync(HubSocket(), ws =>
        {
            ws.ConnectToServer();
            lock (sockets)
            {
                sockets.Add(ws);
            }
        });
        TaskCompletionSource? hold = null;
        await guest.RouteAsync("**/hubs/room/negotiate**", async route =>
        {
            if (hold is { } gate)
            {
                await gate.Task;
            }
            await route.ContinueAsync();
        });

        await People.SignUpAsync(host, await fixture.InviteCodeAsync(), "rhea", "Rhea Host");
        await People.SignUpAsync(guest, await fixture.InviteCodeAsync(), "remy", "Remy Listener");
        var roomId = await People.StartRoomAsync(host, "Flaky wifi club", "Stay connected.", "tech");
        await guest.GotoAsync($"/rooms/{roomId}");
        await Expect(People.InAudience(host, "remy")).ToBeVisibleAsync();
        await Expect(guest.GetByTestId("raise-hand")).ToBeEnabledAsync();

        hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IWebSocketRoute socket;
        lock (sockets)
        {
            socket = sockets[^1];
        }
        await socket.CloseAsync(new() { Code = 1011, Reason = "the test cut the network" });
        await Expect(guest.GetByTestId("reconnecting")).ToBeVisibleAsync();

        // While the guest is away, the host turns hand raising off: an event the guest never gets.
        await host.GetByTestId("room-menu-button").ClickAsync();
        await host.GetByTestId("hand-raising-toggle").UncheckAsync();
        await Expect(host.GetByTestId("hand-raising-toggle")).Not.ToBeCheckedAsync();
        await Expect(guest.GetByTestId("raise-hand")).ToBeEnabledAsync();

        // Back online: the fresh JoinRoom snapshot brings the change.
        hold.SetResult();
        await Expect(guest.GetByTestId("reconnecting")).ToHaveCountAsync(0);
        await Expect(guest.GetByTestId("raise-hand")).ToBeDisabledAsync();
        await Expect(guest.GetByTestId("hand-raising-off")).ToBeVisibleAsync();

        // And live deltas flow again on the new connection.
        await host.GetByTestId("hand-raising-toggle").CheckAsync();
        await Expect(guest.GetByTestId("raise-hand")).ToBeEnabledAsync();
        await guest.GetByTestId("raise-hand").ClickAsync();
        await Expect(host.GetByTestId("hand-queue-count")).ToHaveTextAsync("1");
    }

    [GeneratedRegex("/hubs/room")]
    private static partial Regex HubSocket();
}
