using Microsoft.Playwright;

namespace Parley.EndToEnd;

/// <summary>One server and one Chromium for the browser tests (Debian's, never a downloaded one).</summary>
public sealed class ParleyFixture : IAsyncLifetime
{
    private ParleyServer? _server;
    private IPlaywright? _playwright;

    internal ParleyServer Server => _server ?? throw new InvalidOperationException("not started");

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The first member, signed up in the browser with the admin invite the server printed.</summary>
    private IBrowserContext _admin = null!;

    public Uri BaseAddress => Server.BaseAddress;

    private const string Chromium = "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (`apt-get install chromium`; ./test.sh does it). Never `playwright install`.");
        }
        _server = new ParleyServer();
        _server.Start();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Args =
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        Assertions.SetDefaultExpectTimeout(20_000);

        // The first-run path of the README: the admin invite link from the console, redeemed in
        // the browser. Every other account is invited by someone who already has one.
        _admin = await NewPersonAsync(phone: false);
        var page = await _admin.NewPageAsync();
        await People.SignUpAsync(page, Server.AdminInviteCode(), "ada", "Ada Admin", invitedBy: "The admin invite");
        await page.CloseAsync();
    }

    /// <summary>A fresh invite code from the admin (who has no quota), through the HTTP API.</summary>
    public async Task<string> InviteCodeAsync()
    {
        var response = await _admin.APIRequest.PostAsync("/api/v1/invites");
        if (!response.Ok)
        {
            throw new InvalidOperationException($"the admin could not create an invite: {response.Status} {await response.TextAsync()}");
        }
        var invite = await response.JsonAsync();
        return invite!.Value.GetProperty("code").GetString()!;
    }

    /// <summary>A fresh browser context: its own cookies, like a second person on another phone.</summary>
    public Task<IBrowserContext> NewPersonAsync(bool phone) => Browser.NewContextAsync(new()
    {
        BaseURL = BaseAddress.ToString(),
        ViewportSize = phone ? new() { Width = 390, Height = 844 } : new() { Width = 1280, Height = 860 },
        DeviceScaleFactor = phone ? 2 : 1,
        IsMobile = phone,
        HasTouch = phone,
        Locale = "en-GB",
        TimezoneId = "UTC",
    });

    public async ValueTask DisposeAsync()
    {
        if (_admin is not null)
        {
            await _admin.CloseAsync();
        }
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
