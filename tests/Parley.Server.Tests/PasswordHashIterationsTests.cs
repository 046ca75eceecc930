using System.Buffers.Binary;
using Microsoft.EntityFrameworkCore;

namespace Parley.Server.Tests;

/// <summary>A server whose password hashes use 2,000 PBKDF2 iterations (the benchmark knob).</summary>
public sealed class FewIterationsFactory : ParleyFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Parley:Accounts:PasswordHashIterations", "2000"),
    ];
}

/// <summary>A server configured below the floor of <c>Parley:Accounts:PasswordHashIterations</c>.</summary>
public sealed class TooFewIterationsFactory : ParleyFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Parley:Accounts:PasswordHashIterations", "10"),
    ];
}

/// <summary><c>Parley:Accounts:PasswordHashIterations</c>: the count goes into new hashes, too low a count stops the start.</summary>
public sealed class PasswordHashIterationsTests(FewIterationsFactory factory) : IClassFixture<FewIterationsFactory>
{
    [Fact]
    public async Task ANewAccountsPasswordHashUsesTheConfiguredIterationCount()
    {
        await using var user = await factory.SignUpAsync("fewiterations");

        Assert.Equal(2000, await IterationsOfAsync(factory, "fewiterations"));
    }

    [Fact]
    public async Task AnAccountWithAFewIterationHashSignsInAgain()
    {
        await using var user = await factory.SignUpAsync("signsinagain");
        using var fresh = new HttpClient { BaseAddress = factory.BaseAddress };

        var response = await fresh.PostAsJsonAsync("/api/v1/auth/login", new { userName = "signsinagain", password = TestUser.Password });

        await Expect.StatusAsync(response, System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task WithoutTheOptionIdentitysDefaultOf100000IterationsApplies()
    {
        await using var standard = new ParleyFactory();
        await standard.InitializeAsync();
        await using var user = await standard.SignUpAsync("defaultiterations");

        Assert.Equal(100_000, await IterationsOfAsync(standard, "defaultiterations"));
    }

    [Fact]
    public async Task ACountBelowTheFloorStopsTheServerFromStarting()
    {
        await using var tooFew = new TooFewIterationsFactory();

        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await tooFew.InitializeAsync());

        Assert.Contains("PasswordHashIterations", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Identity's V3 hash format: 0x01, then PRF, iteration count and salt length as big-endian
    /// 32-bit integers, then salt and subkey.
    /// </summary>
    private static async Task<int> IterationsOfAsync(ParleyFactory server, string userName)
    {
        string? hash = null;
        await server.WithDbAsync(async db => hash = (await db.Users.SingleAsync(u => u.UserName == userName)).PasswordHash);
        var bytes = Convert.FromBase64String(hash!);
        Assert.Equal(0x01, bytes[0]);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }
}
