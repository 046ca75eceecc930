using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.EndToEnd;

/// <summary>Profiles with follow buttons, and the invites page, against the real API.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProfileAndInvitesTests(ParleyFixture fixture)
{
    [Fact]
    public async Task APersonFollowsAndUnfollowsFromAProfileThatShowsWhoNominatedThem()
    {
        await using var context = await fixture.NewPersonAsync(phone: true);
        var page = await context.NewPageAsync();
        await People.SignUpAsync(page, await fixture.InviteCodeAsync(), "fern", "Fern Follower");

        await page.GotoAsync("/u/ada");
        await Expect(page.GetByTestId("profile-name")).ToHaveTextAsync("Ada Admin");
        var followers = int.Parse(await page.GetByTestId("profile-followers").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByTestId("follow-button").ClickAsync();
        await Expect(page.GetByTestId("follow-button")).ToHaveTextAsync("Following");
        await Expect(page.GetByTestId("profile-followers")).ToHaveTextAsync($"{followers + 1}");
        await page.GetByTestId("follow-button").ClickAsync();
        await Expect(page.GetByTestId("follow-button")).ToHaveTextAsync("Follow");
        await Expect(page.GetByTestId("profile-followers")).ToHaveTextAsync($"{followers}");

        await page.GotoAsync("/u/fern");
        await Expect(page.GetByTestId("profile-nominated-by")).ToContainTextAsync("Ada Admin");
        await Expect(page.GetByTestId("follow-button")).ToHaveCountAsync(0);

        await page.GotoAsync("/u/nobody_here");
        await Expect(page.GetByTestId("profile-error")).ToContainTextAsync("nobody called @nobody_here");
    }

    [Fact]
    public async Task APersonLogsOutAndBackInAndAWrongPasswordIsExplained()
    {
        await using var context = await fixture.NewPersonAsync(phone: true);
        var page = await context.NewPageAsync();
        await People.SignUpAsync(page, await fixture.InviteCodeAsync(), "lou", "Lou Login");

        await page.GotoAsync("/u/lou");
        await page.GetByTestId("logout").ClickAsync();
        await Expect(page.GetByTestId("login-form")).ToBeVisibleAsync();
        await page.GotoAsync("/invites");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?next=%2Finvites$"));

        await page.GetByTestId("login-username").FillAsync("lou");
        await page.GetByTestId("login-password").FillAsync("Wrong#password1");
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("Wrong user name or password");

        await page.GetByTestId("login-password").FillAsync(People.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("invite-quota")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AMemberCreatesAndRevokesInvitesWithinTheirQuota()
    {
        await using var context = await fixture.NewPersonAsync(phone: true);
        var page = await context.NewPageAsync();
        await People.SignUpAsync(page, await fixture.InviteCodeAsync(), "ivy", "Ivy Inviter");

        await page.GotoAsync("/invites");
        await Expect(page.GetByTestId("invite-quota")).ToContainTextAsync("2");
        var code = await People.CreateInviteAsync(page);
        await Expect(page.GetByTestId("invite-quota")).ToContainTextAsync("1");
        await Expect(page.Locator($"[data-code='{code}']").GetByTestId("invite-link")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"/invite/{code}$"));

        await page.Locator($"[data-code='{code}']").GetByTestId("invite-revoke").ClickAsync();
        await Expect(page.Locator($"[data-code='{code}']")).ToHaveAttributeAsync("data-state", "revoked");

        // A revoked link explains itself to whoever opens it.
        await using var other = await fixture.NewPersonAsync(phone: true);
        var stranger = await other.NewPageAsync();
        await stranger.GotoAsync($"/invite/{code}");
        await Expect(stranger.GetByTestId("invite-error")).ToContainTextAsync("This invite was revoked.");
    }
}
