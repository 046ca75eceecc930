using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace Parley.LoadGen;

/// <summary>A registered member: its id and its <c>parley.auth</c> cookie.</summary>
internal sealed record HubAccount(string UserName, string Id, string Cookie);

/// <summary>
/// The server's data directory (SQLite and data-protection keys) and the accounts in it, kept for
/// the whole load-generator run: the accounts are registered once, through the REST API like a
/// user (admin invite from the first start's stdout, then one invite and one sign-up per member),
/// and every later server process (one per N) opens the same directory, so the cookies stay valid.
/// </summary>
internal sealed class HubAccounts : IDisposable
{
    public const string Password = "Bench-password-1";
    private const int Parallel = 8;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "parley-loadgen-" + Guid.NewGuid().ToString("N"));

    public HubAccount? Admin { get; private set; }

    public List<HubAccount> Members { get; } = [];

    /// <summary>What registering cost, for the results; null before any registration.</summary>
    public string? Summary { get; private set; }

    /// <summary>Makes sure there are <paramref name="count"/> members besides the admin, registering what is missing.</summary>
    public async Task EnsureAsync(HttpClient http, Task<string> adminInvite, int count, int serverPid, CancellationToken cancellationToken)
    {
        if (Admin is null)
        {
            var code = await adminInvite.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            Admin = await RegisterAsync(http, code, "benchhost", cancellationToken);
        }
        var missing = count - Members.Count;
        if (missing <= 0)
        {
            return;
        }
        var cpuBefore = ProcStat.CpuSeconds(serverPid);
        var clock = Stopwatch.StartNew();
        var made = new HubAccount[missing];
        var first = Members.Count;
        var next = -1;
        var workers = Enumerable.Range(0, Parallel).Select(async _ =>
        {
            int j;
            while ((j = Interlocked.Increment(ref next)) < missing)
            {
                var code = await CreateInviteAsync(http, cancellationToken);
                made[j] = await RegisterAsync(http, code, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"listener{first + j:D5}"), cancellationToken);
            }
        });
        await Task.WhenAll(workers);
        Members.AddRange(made);
        var cpu = ProcStat.CpuSeconds(serverPid) - cpuBefore;
        Summary = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"Registered {missing:N0} accounts over the REST API (an invite and a sign-up each, {Parallel} at a time) before the first storm: {clock.Elapsed.TotalSeconds:0.0} s, {cpu:0.0} s of server CPU ({1000 * cpu / missing:0.00} ms each), reused by every N.");
        AnsiConsole.WriteLine(Summary);
    }

    private async Task<string> CreateInviteAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/invites");
        request.Headers.Add("Cookie", Admin!.Cookie);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/v1/invites: {(int)response.StatusCode} {body}");
        }
        return JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()!;
    }

    private static async Task<HubAccount> RegisterAsync(HttpClient http, string inviteCode, string userName, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(
            "api/v1/auth/register",
            new { inviteCode, userName, displayName = userName, password = Password },
            cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/v1/auth/register ({userName}): {(int)response.StatusCode} {body}");
        }
        var cookie = response.Headers.GetValues("Set-Cookie")
            .Select(c => c.Split(';')[0])
            .First(c => c.StartsWith("parley.auth=", StringComparison.Ordinal));
        return new HubAccount(userName, JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!, cookie);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
