using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.EndToEnd;

/// <summary>
/// docs/screenshot-room.png for the README: the host's phone with a few people on stage, a
/// listener or two with hands up. Runs at the end of the stage scenario when PARLEY_SCREENSHOT=1.
/// </summary>
internal static class RoomScreenshot
{
    private static readonly (string UserName, string DisplayName)[] Speakers =
        [("maya", "Maya Lindqvist"), ("olu", "Olu Adeyemi"), ("kenji", "Kenji Watanabe"), ("ines", "Inès Dubois")];

    private static readonly (string UserName, string DisplayName)[] Listeners =
        [("ana", "Ana Souza"), ("lee", "Lee Park"), ("priya", "Priya Nair"), ("sam", "Sam Rivera"), ("tom", "Tom Becker"), ("zoe", "Zoë Martin")];

    public static async Task TakeAsync(ParleyFixture fixture, IPage host, string roomId)
    {
        var bots = new List<Bot>();
        try
        {
            foreach (var (userName, displayName) in Speakers.Concat(Listeners))
            {
                var bot = await Bot.SignUpAsync(fixture.BaseAddress, await fixture.InviteCodeAsync(), userName, displayName);
                bots.Add(bot);
                await bot.JoinAsync(roomId);
            }

            await host.GetByTestId("hand-queue-button").ClickAsync();
            for (var i = 0; i < Speakers.Length; i++)
            {
                var userName = Speakers[i].UserName;
                await bots[i].RaiseHandAsync(roomId);
                await host.GetByTestId($"queue-invite-{userName}").ClickAsync();
                await Expect(host.GetByTestId($"queue-{userName}")).ToContainTextAsync("Invited");
                await bots[i].AcceptSpeakInviteAsync(roomId);
                await Expect(People.OnStage(host, userName)).ToBeVisibleAsync();
            }
            await host.Keyboard.PressAsync("Escape");
            await People.OnStage(host, "olu").ClickAsync();
            await host.GetByTestId("person-sheet").GetByTestId("action-make-moderator").ClickAsync();
            await Expect(People.OnStage(host, "olu")).ToHaveAttributeAsync("data-role", "moderator");
            await bots[2].SetSelfMutedAsync(roomId, true);
            await Expect(People.OnStage(host, "kenji")).ToHaveAttributeAsync("data-muted", "true");
            await bots[Speakers.Length].RaiseHandAsync(roomId);
            await bots[Speakers.Length + 2].RaiseHandAsync(roomId);
            await Expect(host.GetByTestId("hand-queue-count")).ToHaveTextAsync("2");

            // Let the confirmation toasts fade, so they do not cover the room.
            await Expect(host.Locator("[data-sonner-toast]")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
            Directory.CreateDirectory(RepositoryPaths.Docs);
            await host.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Docs, "screenshot-room.png") });
        }
        finally
        {
            foreach (var bot in bots)
            {
                await bot.DisposeAsync();
            }
        }
    }
}
