using System.Net;
using Microsoft.EntityFrameworkCore;
using Parley.Protocol.Accounts;

namespace Parley.Server.Tests;

/// <summary>Invite-only sign-up, login, logout, the profile, invites and their quota.</summary>
public sealed class AccountsTests(ParleyFactory factory) : IClassFixture<ParleyFactory>
{
    private async Task<HttpResponseMessage> RegisterAsync(TestUser user, string? code, string? password = null) =>
        await user.Http.PostAsJsonAsync("/api/v1/auth/register", new
        {
            inviteCode = code,
            userName = user.UserName,
            displayName = "Someone",
            password = password ?? TestUser.Password,
        });

    private TestUser Anonymous(string userName) => new(factory.BaseAddress, userName);

    [Fact]
    public async Task SignUpWithAValidInviteCreatesTheMemberAndSignsThemIn()
    {
        var user = Anonymous("valid_invitee");

        var response = await RegisterAsync(user, await factory.NewInviteCodeAsync());

        await Expect.StatusAsync(response, HttpStatusCode.Created);
        Assert.Contains(user.Cookies.GetAllCookies(), c => c.Name == "parley.auth" && c.HttpOnly);
        var me = await user.Http.GetFromJsonAsync<Me>("/api/v1/me");
        Assert.Equal("valid_invitee", me!.UserName);
        Assert.Equal(2, me.InvitesLeft);
        Assert.False(me.IsAdmin);
    }

    [Fact]
    public async Task AnInviteWorksOnlyOnce()
    {
        var code = await factory.NewInviteCodeAsync();
        await Expect.StatusAsync(await RegisterAsync(Anonymous("first_user"), code), HttpStatusCode.Created);

        var second = await RegisterAsync(Anonymous("second_user"), code);

        var problem = await Expect.ProblemAsync(second, HttpStatusCode.Gone);
        Assert.Contains("already used", problem.GetProperty("detail").GetString());
        await factory.WithDbAsync(async db => Assert.False(await db.Users.AnyAsync(u => u.UserName == "second_user")));
    }

    [Fact]
    public async Task AnExpiredInviteIsRefused()
    {
        var code = await factory.NewInviteCodeAsync();
        await factory.WithDbAsync(db => db.Invites.Where(i => i.Code == code)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        var problem = await Expect.ProblemAsync(await RegisterAsync(Anonymous("late_user"), code), HttpStatusCode.Gone);

        Assert.Contains("expired", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ARevokedInviteIsRefusedAndFreesItsPlaceInTheQuota()
    {
        var nominator = await factory.SignUpAsync("revoker");
        var created = await (await nominator.Http.PostAsync("/api/v1/invites", null)).Content.ReadFromJsonAsync<Invite>();
        Assert.Equal(1, (await nominator.Http.GetFromJsonAsync<Me>("/api/v1/me"))!.InvitesLeft);

        await Expect.StatusAsync(await nominator.Http.DeleteAsync($"/api/v1/invites/{created!.Code}"), HttpStatusCode.NoContent);

        var problem = await Expect.ProblemAsync(await RegisterAsync(Anonymous("revoked_user"), created.Code), HttpStatusCode.Gone);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString());
        Assert.Equal(2, (await nominator.Http.GetFromJsonAsync<Me>("/api/v1/me"))!.InvitesLeft);
        Assert.True((await nominator.Http.GetFromJsonAsync<Invite[]>("/api/v1/invites"))!.Single().Revoked);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-code")]
    [InlineData("'; drop table Invites; --")]
    public async Task AForgedInviteIsUnknown(string code)
    {
        await Expect.ProblemAsync(await RegisterAsync(Anonymous("forger"), code), HttpStatusCode.NotFound);
        using var http = new HttpClient { BaseAddress = factory.BaseAddress };
        await Expect.ProblemAsync(await http.GetAsync($"/api/v1/invites/{Uri.EscapeDataString(code)}/preview"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ThePreviewShowsWhoInvitedAndTheNewMemberRecordsTheirNominator()
    {
        var nominator = await factory.SignUpAsync("nominator", "Nina");
        var invite = await (await nominator.Http.PostAsync("/api/v1/invites", null)).Content.ReadFromJsonAsync<Invite>();
        using var anonymous = new HttpClient { BaseAddress = factory.BaseAddress };

        var preview = await anonymous.GetFromJsonAsync<InvitePreview>($"/api/v1/invites/{invite!.Code}/preview");
        var invitee = Anonymous("nominee");
        await Expect.StatusAsync(await RegisterAsync(invitee, invite.Code), HttpStatusCode.Created);

        Assert.Equal(new UserRef("nominator", "Nina"), preview!.InvitedBy);
        Assert.EndsWith($"/invite/{invite.Code}", invite.Url, StringComparison.Ordinal);
        var me = await invitee.Http.GetFromJsonAsync<Me>("/api/v1/me");
        Assert.Equal("nominator", me!.NominatedBy!.UserName);
        var listed = (await nominator.Http.GetFromJsonAsync<Invite[]>("/api/v1/invites"))!.Single();
        Assert.Equal("nominee", listed.UsedBy!.UserName);
        await Expect.ProblemAsync(await nominator.Http.DeleteAsync($"/api/v1/invites/{invite.Code}"), HttpStatusCode.Conflict);
        await Expect.ProblemAsync(await anonymous.GetAsync($"/api/v1/invites/{invite.Code}/preview"), HttpStatusCode.Gone);
    }

    [Fact]
    public async Task AMemberMayCreateTwoInvitesAndNoMore()
    {
        var member = await factory.SignUpAsync("quota_user");

        await Expect.StatusAsync(await member.Http.PostAsync("/api/v1/invites", null), HttpStatusCode.Created);
        await Expect.StatusAsync(await member.Http.PostAsync("/api/v1/invites", null), HttpStatusCode.Created);
        var third = await member.Http.PostAsync("/api/v1/invites", null);

        await Expect.ProblemAsync(third, HttpStatusCode.Forbidden);
        Assert.Equal(0, (await member.Http.GetFromJsonAsync<Me>("/api/v1/me"))!.InvitesLeft);
    }

    [Fact]
    public async Task AnAdminHasNoQuota()
    {
        var admin = await factory.SignUpAsync("quota_admin", admin: true);

        for (var i = 0; i < 4; i++)
        {
            await Expect.StatusAsync(await admin.Http.PostAsync("/api/v1/invites", null), HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task NobodyCanRevokeSomeoneElsesInvite()
    {
        var owner = await factory.SignUpAsync("invite_owner");
        var other = await factory.SignUpAsync("invite_thief");
        var invite = await (await owner.Http.PostAsync("/api/v1/invites", null)).Content.ReadFromJsonAsync<Invite>();

        await Expect.ProblemAsync(await other.Http.DeleteAsync($"/api/v1/invites/{invite!.Code}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UserNamesAreUniqueRegardlessOfCase()
    {
        await factory.SignUpAsync("CaseName");

        var response = await RegisterAsync(Anonymous("casename"), await factory.NewInviteCodeAsync());

        await Expect.ProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task BadSignUpInputGetsAValidationProblemNamingEachField()
    {
        var user = new TestUser(factory.BaseAddress, "x");

        var response = await user.Http.PostAsJsonAsync("/api/v1/auth/register", new { inviteCode = "", userName = "a b", displayName = "", password = "" });

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "inviteCode", "userName", "displayName", "password" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task AWeakPasswordIsAValidationProblemAndSpendsNoInvite()
    {
        var code = await factory.NewInviteCodeAsync();

        var problem = await Expect.ProblemAsync(await RegisterAsync(Anonymous("weak_pw"), code, password: "short"), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
        await Expect.StatusAsync(await RegisterAsync(Anonymous("strong_pw"), code), HttpStatusCode.Created);
    }

    [Fact]
    public async Task LoginLogoutAndMe()
    {
        await factory.SignUpAsync("login_user");
        var user = Anonymous("login_user");

        await Expect.ProblemAsync(await user.Http.PostAsJsonAsync("/api/v1/auth/login", new { userName = "login_user", password = "wrong-Password1" }), HttpStatusCode.Unauthorized);
        var login = await user.Http.PostAsJsonAsync("/api/v1/auth/login", new { userName = "LOGIN_USER", password = TestUser.Password });
        await Expect.StatusAsync(login, HttpStatusCode.OK);
        Assert.Equal("login_user", (await user.Http.GetFromJsonAsync<Me>("/api/v1/me"))!.UserName);

        await Expect.StatusAsync(await user.Http.PostAsync("/api/v1/auth/logout", null), HttpStatusCode.NoContent);

        await Expect.ProblemAsync(await user.Http.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AMemberEditsTheirDisplayNameAndBio()
    {
        var user = await factory.SignUpAsync("editor");

        var response = await user.Http.PatchAsJsonAsync("/api/v1/me", new { displayName = " Eddie ", bio = "I edit." });

        var me = await response.Content.ReadFromJsonAsync<Me>();
        Assert.Equal(("Eddie", "I edit."), (me!.DisplayName, me.Bio));
        await Expect.ProblemAsync(await user.Http.PatchAsJsonAsync("/api/v1/me", new { bio = new string('x', 281) }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FollowingAndUnfollowingChangeBothCounts()
    {
        var ann = await factory.SignUpAsync("ann");
        var ben = await factory.SignUpAsync("ben");

        var followed = await (await ann.Http.PostAsync("/api/v1/users/ben/follow", null)).Content.ReadFromJsonAsync<Profile>();
        await ann.Http.PostAsync("/api/v1/users/BEN/follow", null);
        var seenByBen = await ben.Http.GetFromJsonAsync<Profile>("/api/v1/users/ann");

        Assert.Equal((1, true), (followed!.Followers, followed.IsFollowing));
        Assert.Equal((1, true), (seenByBen!.Following, seenByBen.FollowsYou));
        Assert.Equal(1, (await ben.Http.GetFromJsonAsync<Me>("/api/v1/me"))!.Followers);

        var unfollowed = await (await ann.Http.DeleteAsync("/api/v1/users/ben/follow")).Content.ReadFromJsonAsync<Profile>();

        Assert.Equal((0, false), (unfollowed!.Followers, unfollowed.IsFollowing));
        await Expect.ProblemAsync(await ann.Http.PostAsync("/api/v1/users/ann/follow", null), HttpStatusCode.BadRequest);
        await Expect.ProblemAsync(await ann.Http.GetAsync("/api/v1/users/nobody_here"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LogsNeverContainAPasswordOrAWholeInviteCode()
    {
        var code = await factory.NewInviteCodeAsync();

        await Expect.StatusAsync(await RegisterAsync(Anonymous("logged_user"), code), HttpStatusCode.Created);
        await Expect.ProblemAsync(await RegisterAsync(Anonymous("logged_user2"), code), HttpStatusCode.Gone);
        await Anonymous("logged_user").Http.PostAsJsonAsync("/api/v1/auth/login", new { userName = "logged_user", password = "Wrong-" + TestUser.Password });

        var lines = factory.Logs.Lines.ToList();
        Assert.Contains(lines, line => line.Contains("signed up with invite " + code[..4], StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(TestUser.Password, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(code, StringComparison.Ordinal));
    }
}
