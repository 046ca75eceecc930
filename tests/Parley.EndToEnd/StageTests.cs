using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.EndToEnd;

/// <summary>Two people in two browsers run a room's stage through the real server.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StageTests(ParleyFixture fixture)
{
    [Fact]
    public async Task AGuestRaisesAHandIsInvitedAcceptsAndIsMovedBackSeenInBothBrowsers()
    {
        await using var hostContext = await fixture.NewPersonAsync(phone: true);
        await using var guestContext = await fixture.NewPersonAsync(phone: false);
        var host = await hostContext.NewPageAsync();
        var guest = await guestContext.NewPageAsync();
        Watch(host, "host");
        Watch(guest, "guest");

        // Accounts through the real flows: an invite from the admin (who signed up with the
        // invite the server printed), then the host's own invite, made in the UI, for the guest.
        await People.SignUpAsync(host, await fixture.InviteCodeAsync(), "hana", "Hana Host", invitedBy: "Ada Admin");
        var guestInvite = await People.CreateInviteAsync(host);
        await People.SignUpAsync(guest, guestInvite, "gus", "Gus Guest", invitedBy: "Hana Host");

        // The host starts a room and is its moderator, on stage.
        const string title = "Late night synths: modular, DAWless and happy accidents";
        var roomId = await People.StartRoomAsync(host, title, "Bring your patches. Hands up to share a sound.", "music", "synths", "gear");
        await Expect(People.OnStage(host, "hana")).ToHaveAttributeAsync("data-role", "moderator");

        // The guest finds it in the hallway and joins the audience.
        await guest.GotoAsync("/");
        var card = guest.GetByTestId("room-card").Filter(new() { HasText = title });
        await card.ClickAsync();
        await Expect(People.InAudience(guest, "gus")).ToBeVisibleAsync();
        await Expect(People.InAudience(host, "gus")).ToBeVisibleAsync();

        // The guest raises a hand; the host sees it in the queue and invites.
        await guest.GetByTestId("raise-hand").ClickAsync();
        await Expect(guest.GetByTestId("lower-hand")).ToBeVisibleAsync();
        await Expect(host.GetByTestId("hand-queue-count")).ToHaveTextAsync("1");
        await host.GetByTestId("hand-queue-button").ClickAsync();
        await Expect(host.GetByTestId("queue-gus")).ToContainTextAsync("Gus Guest");
        await host.GetByTestId("queue-invite-gus").ClickAsync();

        // The guest accepts and is on stage in both browsers.
        await Expect(guest.GetByTestId("speak-invite")).ToContainTextAsync("Hana Host would like to bring you up on stage");
        await guest.GetByTestId("speak-invite-accept").ClickAsync();
        await Expect(guest.GetByText("You're on stage.")).ToBeVisibleAsync();
        await Expect(People.OnStage(guest, "gus")).ToHaveAttributeAsync("data-role", "speaker");
        await Expect(People.OnStage(host, "gus")).ToHaveAttributeAsync("data-role", "speaker");
        await Expect(People.InAudience(host, "gus")).ToHaveCountAsync(0);
        await Expect(guest.GetByTestId("self-mute")).ToBeVisibleAsync();

        // The host moves the guest back to the audience; both browsers show it.
        await host.Keyboard.PressAsync("Escape");
        await People.OnStage(host, "gus").ClickAsync();
        await host.GetByTestId("person-sheet").GetByTestId("action-move-to-audience").ClickAsync();
        await Expect(guest.GetByText("A moderator moved you to the audience.")).ToBeVisibleAsync();
        await Expect(People.InAudience(host, "gus")).ToBeVisibleAsync();
        await Expect(People.InAudience(guest, "gus")).ToBeVisibleAsync();
        await Expect(People.OnStage(guest, "gus")).ToHaveCountAsync(0);
        await Expect(People.OnStage(host, "gus")).ToHaveCountAsync(0);
        await Expect(guest.GetByTestId("raise-hand")).ToBeEnabledAsync();

        if (Environment.GetEnvironmentVariable("PARLEY_SCREENSHOT") == "1")
        {
            await RoomScreenshot.TakeAsync(fixture, host, roomId);
        }
    }

    [Fact]
    public async Task AForgedInviteLinkSaysSoInsteadOfShowingTheForm()
    {
        await using var context = await fixture.NewPersonAsync(phone: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/invite/not-a-real-code-at-all");
        await Expect(page.GetByTestId("invite-error")).ToContainTextAsync("doesn't exist");
        await Expect(page.GetByTestId("signup-form")).ToHaveCountAsync(0);
    }

    /// <summary>Browser console errors go to the test output, so a failure shows what the page saw.</summary>
    private static void Watch(IPage page, string who)
    {
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"[{who} console {message.Type}] {message.Text}");
            }
        };
        page.PageError += (_, error) => TestContext.Current.TestOutputHelper?.WriteLine($"[{who} page error] {error}");
    }
}
