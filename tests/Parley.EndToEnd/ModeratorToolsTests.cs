using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.EndToEnd;

/// <summary>The moderator's other tools, and what the listener sees of each.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ModeratorToolsTests(ParleyFixture fixture)
{
    [Fact]
    public async Task HandRaisingOffDisablesTheButtonADeclineClearsTheInviteARemovalAndTheEndShowBanners()
    {
        await using var hostContext = await fixture.NewPersonAsync(phone: true);
        await using var guestContext = await fixture.NewPersonAsync(phone: true);
        var host = await hostContext.NewPageAsync();
        var guest = await guestContext.NewPageAsync();
        await People.SignUpAsync(host, await fixture.InviteCodeAsync(), "moe", "Moe Moderator");
        await People.SignUpAsync(guest, await fixture.InviteCodeAsync(), "liz", "Liz Listener");
        const string title = "Office hours";
        var roomId = await People.StartRoomAsync(host, title, "Questions welcome.", "work");
        await guest.GotoAsync($"/rooms/{roomId}");
        await Expect(People.InAudience(host, "liz")).ToBeVisibleAsync();

        // Hand raising off: the listener's button is disabled, with a sentence saying why.
        await host.GetByTestId("room-menu-button").ClickAsync();
        await host.GetByTestId("hand-raising-toggle").UncheckAsync();
        await Expect(guest.GetByTestId("raise-hand")).ToBeDisabledAsync();
        await Expect(guest.GetByTestId("hand-raising-off")).ToBeVisibleAsync();
        await host.GetByTestId("hand-raising-toggle").CheckAsync();
        await host.Keyboard.PressAsync("Escape");
        await Expect(guest.GetByTestId("raise-hand")).ToBeEnabledAsync();

        // Invited from the audience (without a hand), the listener declines: nobody moves.
        await People.InAudience(host, "liz").ClickAsync();
        await host.GetByTestId("person-sheet").GetByTestId("action-invite-to-speak").ClickAsync();
        await guest.GetByTestId("speak-invite-decline").ClickAsync();
        await Expect(guest.GetByTestId("speak-invite")).ToHaveCountAsync(0);
        await People.InAudience(host, "liz").ClickAsync();
        await Expect(host.GetByTestId("person-sheet").GetByTestId("action-invite-to-speak")).ToBeVisibleAsync();

        // Removed: the listener sees why, and cannot come back.
        await host.GetByTestId("person-sheet").GetByTestId("action-remove").ClickAsync();
        await Expect(guest.GetByTestId("room-exit-banner")).ToHaveAttributeAsync("data-exit", "removed");
        await Expect(People.InAudience(host, "liz")).ToHaveCountAsync(0);
        await guest.ReloadAsync();
        await Expect(guest.GetByTestId("room-exit-banner")).ToHaveAttributeAsync("data-exit", "removed");

        // Ended: the room says so and leaves the hallway.
        await host.GetByTestId("room-menu-button").ClickAsync();
        await host.GetByTestId("end-room").ClickAsync();
        await host.GetByTestId("end-room-confirm").ClickAsync();
        await Expect(host.GetByTestId("room-exit-banner")).ToHaveAttributeAsync("data-exit", "ended");
        await host.GotoAsync("/");
        await Expect(host.GetByTestId("hallway")).ToBeVisibleAsync();
        await Expect(host.GetByTestId("room-card").Filter(new() { HasText = title })).ToHaveCountAsync(0);
    }
}
