using Microsoft.Playwright;

namespace Parley.EndToEnd;

/// <summary>One server and one Chromium for the browser tests (Debian's, never a downloaded one).</summary>
public sealed class ParleyFixture : IAsyncLifetime
{
    private ParleyServer? _server;
    private IPlaywright? _playwright;

    internal ParleyServer Server => _server ?? throw new InvalidOperationException("not started");

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => Server.BaseAddress;

    public async ValueTask InitializeAsync()
    {
        _server = new ParleyServer();
        _server.Start();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Args =
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        Assertions.SetDefaultExpectTimeout(15_000);
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
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            try
            {
                await _server.DisposeAsync();
            }
            catch (Exception e) when (e is ArgumentException or ObjectDisposedException or InvalidOperationException)
            {
                // A shutdown-order fault inside the server is not what these browser tests are
                // about; say it loudly and let the scenarios' results stand.
                await Console.Error.WriteLineAsync($"Parley.EndToEnd: the server threw while shutting down: {e}");
            }
        }
    }
}
