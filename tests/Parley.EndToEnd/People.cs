using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.EndToEnd;

/// <summary>What a person does in the web app, in the app's own words (its data-testid hooks).</summary>
internal static class People
{
    public const string Password = "Parley#2026";

    public static async Task SignUpAsync(IPage page, string inviteCode, string userName, string displayName, string? invitedBy = null)
    {
        await page.GotoAsync($"/invite/{inviteCode}");
        await Expect(page.GetByTestId("invited-by")).ToContainTextAsync(invitedBy ?? "");
        await page.GetByTestId("signup-username").FillAsync(userName);
        await page.GetByTestId("signup-displayname").FillAsync(displayName);
        await page.GetByTestId("signup-password").FillAsync(Password);
        await page.GetByTestId("signup-submit").ClickAsync();
        await Expect(page.GetByTestId("hallway")).ToBeVisibleAsync();
    }

    /// <summary>Creates an invite on the invites page and returns its code.</summary>
    public static async Task<string> CreateInviteAsync(IPage page)
    {
        await page.GotoAsync("/invites");
        var rows = page.GetByTestId("invite-row");
        await Expect(page.GetByTestId("invite-list")).ToBeVisibleAsync();
        var before = await rows.CountAsync();
        await page.GetByTestId("invite-create").ClickAsync();
        await Expect(rows).ToHaveCountAsync(before + 1);
        var fresh = page.Locator("[data-testid=invite-row][data-state=available]").First;
        return await fresh.GetAttributeAsync("data-code") ?? throw new InvalidOperationException("invite row without a code");
    }

    public static async Task<string> StartRoomAsync(IPage page, string title, string description, params string[] topics)
    {
        await page.GotoAsync("/");
        await page.GetByTestId("start-room").ClickAsync();
        await page.GetByTestId("room-title-input").FillAsync(title);
        await page.GetByTestId("room-description-input").FillAsync(description);
        foreach (var topic in topics)
        {
            await page.GetByTestId("room-topic-input").FillAsync(topic);
            await page.GetByTestId("room-topic-input").PressAsync("Enter");
        }
        await page.GetByTestId("visibility-open").ClickAsync();
        await page.GetByTestId("room-create").ClickAsync();
        await Expect(page.GetByTestId("room-title")).ToHaveTextAsync(title);
        return new Uri(page.Url).AbsolutePath.Split('/').Last();
    }

    public static ILocator OnStage(IPage page, string userName) =>
        page.GetByTestId("stage").GetByTestId($"person-{userName}");

    public static ILocator InAudience(IPage page, string userName) =>
        page.GetByTestId("audience").GetByTestId($"person-{userName}");
}
