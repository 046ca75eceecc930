using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.EndToEnd;

/// <summary>Issue 6 in real browsers: block warning, report, ban (and its audit), suspension by an admin.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ModerationSafetyTests(ParleyFixture fixture)
{
    [Fact]
    public async Task AListenerBlocksAndReportsAModeratorBansAndAnAdminSuspends()
    {
        await using var hostContext = await fixture.NewPersonAsync(phone: true);
        await using var trollContext = await fixture.NewPersonAsync(phone: true);
        await using var listenerContext = await fixture.NewPersonAsync(phone: true);
        await using var adminContext = await fixture.NewPersonAsync(phone: false);
        var host = await hostContext.NewPageAsync();
        var troll = await trollContext.NewPageAsync();
        var listener = await listenerContext.NewPageAsync();
        await People.SignUpAsync(host, await fixture.InviteCodeAsync(), "mona", "Mona Moderator");
        await People.SignUpAsync(troll, await fixture.InviteCodeAsync(), "trev", "Trev Troll");
        await People.SignUpAsync(listener, await fixture.InviteCodeAsync(), "lena", "Lena Listener");
        var roomId = await People.StartRoomAsync(host, "Safe space", "Be kind.", "safety");
        await troll.GotoAsync($"/rooms/{roomId}");
        await listener.GotoAsync($"/rooms/{roomId}");
        await Expect(People.InAudience(host, "trev")).ToBeVisibleAsync();
        await Expect(People.InAudience(host, "lena")).ToBeVisibleAsync();

        // The listener blocks the moderator on stage: a warning says so.
        await People.OnStage(listener, "mona").ClickAsync();
        await listener.GetByTestId("person-sheet").GetByTestId("action-block").ClickAsync();
        await Expect(listener.GetByTestId("blocked-on-stage")).ToContainTextAsync("Mona Moderator");

        // The listener reports the troll.
        await listener.Keyboard.PressAsync("Escape");
        await People.InAudience(listener, "trev").ClickAsync();
        await listener.GetByTestId("person-sheet").GetByTestId("action-report").ClickAsync();
        await listener.GetByTestId("report-reason").FillAsync("Spamming links in the room");
        await listener.GetByTestId("report-submit").ClickAsync();
        await Expect(listener.GetByTestId("report-dialog")).ToHaveCountAsync(0);

        // The moderator bans the troll: out at once, and still out after a reload.
        await People.InAudience(host, "trev").ClickAsync();
        await host.GetByTestId("person-sheet").GetByTestId("action-ban").ClickAsync();
        await Expect(troll.GetByTestId("room-exit-banner")).ToHaveAttributeAsync("data-exit", "removed");
        await troll.ReloadAsync();
        await Expect(troll.GetByTestId("room-exit-banner")).ToHaveAttributeAsync("data-exit", "removed");

        // The room's moderators see the ban and the audit log.
        await host.GetByTestId("room-menu-button").ClickAsync();
        await host.GetByTestId("room-audit-link").ClickAsync();
        await Expect(host.GetByTestId("ban")).ToContainTextAsync("@trev");
        await Expect(host.GetByTestId("audit-entry").First).ToContainTextAsync("BanUser");

        // An admin suspends the reported troll: their cookie stops working.
        var admin = await adminContext.NewPageAsync();
        await admin.GotoAsync("/login");
        await admin.GetByTestId("login-username").FillAsync("ada");
        await admin.GetByTestId("login-password").FillAsync(People.Password);
        await admin.GetByTestId("login-submit").ClickAsync();
        await Expect(admin.GetByTestId("admin-link")).ToBeVisibleAsync();
        await admin.GetByTestId("admin-link").ClickAsync();
        var report = admin.GetByTestId("report").Filter(new() { HasText = "Spamming links in the room" });
        await Expect(report).ToContainTextAsync("@trev");
        await report.GetByTestId("report-suspend").ClickAsync();
        await Expect(report).ToHaveCountAsync(0);

        await troll.GotoAsync("/");
        await Expect(troll.GetByTestId("login-form")).ToBeVisibleAsync();
    }
}
