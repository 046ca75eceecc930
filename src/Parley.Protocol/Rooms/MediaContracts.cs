namespace Parley.Protocol.Rooms;

/// <summary>The media part of the room hub and its HTTP endpoint (see docs/api.md, "Live audio").</summary>
public static class MediaHubMethods
{
    /// <summary>Client → server: <c>ConnectMedia(roomId, offerSdp) → answerSdp</c>; a second call replaces the session.</summary>
    public const string ConnectMedia = nameof(ConnectMedia);

    /// <summary>Server → client callback carrying <see cref="ActiveSpeakers"/>.</summary>
    public const string ActiveSpeakers = nameof(ActiveSpeakers);

    /// <summary>HTTP GET: the ICE servers (STUN/TURN with short-lived credentials) for RTCPeerConnection.</summary>
    public const string IceServersPath = "/api/v1/media/ice-servers";
}

/// <summary>The people whose audio the SFU forwards right now (the loudest few), for speaking rings.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="UserIds">User ids, loudest selection first; empty when nobody speaks.</param>
public sealed record ActiveSpeakers(string RoomId, IReadOnlyList<string> UserIds);

/// <summary>One entry of RTCConfiguration.iceServers.</summary>
/// <param name="Urls">stun:/turn:/turns: URLs.</param>
/// <param name="Username">TURN user name (<c>expiry:userId</c>), null for STUN.</param>
/// <param name="Credential">TURN password (base64 HMAC-SHA1 of the user name), null for STUN.</param>
public sealed record IceServer(IReadOnlyList<string> Urls, string? Username, string? Credential);

/// <summary>The answer of <c>GET /api/v1/media/ice-servers</c>.</summary>
/// <param name="IceServers">Empty when no TURN/STUN server is configured (the SFU's own candidate is enough on open networks).</param>
/// <param name="TtlSeconds">How long the credentials are valid; fetch again before then.</param>
public sealed record IceServersResponse(IReadOnlyList<IceServer> IceServers, int TtlSeconds);
