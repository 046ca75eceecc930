namespace Parley.Server.Media;

/// <summary>The <c>Parley:Media</c> section: where the SFU's single UDP port listens and what it announces.</summary>
public sealed class MediaOptions
{
    public const string Section = "Parley:Media";

    /// <summary>Address the UDP socket binds to; <c>::</c> binds dual-stack.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>The one UDP port of the SFU (open it in the firewall); 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 5081;

    /// <summary>
    /// Addresses written into the answer's host candidates: the public address clients reach the
    /// port at (behind NAT or in a container it differs from the bound one). Empty: the bound
    /// address, or 127.0.0.1 when bound to "any" (fine on one machine only).
    /// </summary>
    public string[] AnnouncedAddresses { get; set; } = [];

    /// <summary>Accept datagrams from loopback only (tests with Chromium, which also offers its LAN address).</summary>
    public bool LoopbackOnly { get; set; }

    /// <summary>Speakers forwarded to each listener at once (receive slots per peer).</summary>
    public int SlotsPerSubscriber { get; set; } = 3;

    /// <summary>Threads one packet's fan-out may use in a large room (0: one per CPU the process may run on).</summary>
    public int FanoutThreads { get; set; }

    /// <summary>At most this many <c>ActiveSpeakers</c> messages per room per second.</summary>
    public int ActiveSpeakersPerSecond { get; set; } = 4;
}

/// <summary>The <c>Parley:Turn</c> section: TURN (coturn, <c>use-auth-secret</c>) and STUN servers handed to clients.</summary>
public sealed class TurnOptions
{
    public const string Section = "Parley:Turn";

    /// <summary>coturn's <c>static-auth-secret</c>; with <see cref="Urls"/>, clients get short-lived TURN credentials.</summary>
    public string? Secret { get; set; }

    /// <summary>TURN URLs, e.g. <c>turn:turn.example.org:3478?transport=udp</c>, <c>turns:turn.example.org:5349</c>.</summary>
    public string[] Urls { get; set; } = [];

    /// <summary>Optional STUN URLs handed out without credentials.</summary>
    public string[] StunUrls { get; set; } = [];

    /// <summary>How long a TURN credential is valid.</summary>
    public TimeSpan CredentialLifetime { get; set; } = TimeSpan.FromHours(6);
}
