using static Microsoft.Playwright.Assertions;

namespace Parley.EndToEnd;

/// <summary>
/// A room with more listeners than faces (DESIGN.md §2): the browser holds the stage, the hands,
/// itself and the first faces, shows the rest as a count, and still sees a hand raised by a
/// listener it was never sent.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BigRoomTests(ParleyFixture fixture)
{
    private const int Listeners = 30;
    private const int Faces = 24;

    [Fact]
    public async Task TheAudienceShowsTheFirstFacesAndACountAndAHandBeyondTheFacesReachesTheModerator()
    {
        await using var hostContext = await fixture.NewPersonAsync(phone: true);
        var host = await hostContext.NewPageAsync();
        await People.SignUpAsync(host, await fixture.InviteCodeAsync(), "bianca", "Bianca Big", invitedBy: "Ada Admin");
        var roomId = await People.StartRoomAsync(host, "A crowded room", "More listeners than faces.", "crowds");

        var bots = new List<Bot>();
        try
        {
            for (var i = 1; i <= Listeners; i++)
            {
                var bot = await Bot.SignUpAsync(fixture.BaseAddress, await fixture.InviteCodeAsync(), $"crowd{i:00}", $"Crowd {i:00}");
                bots.Add(bot);
                await bot.JoinAsync(roomId);
            }

            // The listeners' joins arrive folded: the count, the first faces and "+ N others".
            await Expect(host.GetByTestId("audience-count")).ToHaveTextAsync($"Listening · {Listeners}");
            await Expect(People.InAudience(host, "crowd01")).ToBeVisibleAsync();
            await Expect(People.InAudience(host, $"crowd{Faces:00}")).ToBeVisibleAsync();
            await Expect(People.InAudience(host, $"crowd{Faces + 1:00}")).ToHaveCountAsync(0);
            await Expect(host.GetByTestId("audience-others")).ToContainTextAsync($"+{Listeners - Faces}");

            // A listener beyond the faces raises a hand: the event carries them, so the moderator
            // sees their name in the queue and their face among the audience, at once.
            await bots[Listeners - 2].RaiseHandAsync(roomId);
            await Expect(host.GetByTestId("hand-queue-count")).ToHaveTextAsync("1");
            await Expect(People.InAudience(host, $"crowd{Listeners - 1:00}")).ToHaveAttributeAsync("data-hand", "true");
            await Expect(host.GetByTestId("audience-others")).ToContainTextAsync($"+{Listeners - Faces - 1}");
            await host.GetByTestId("hand-queue-button").ClickAsync();
            await Expect(host.GetByTestId($"queue-crowd{Listeners - 1:00}")).ToContainTextAsync($"Crowd {Listeners - 1:00}");
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
