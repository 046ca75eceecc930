namespace Parley.Media.Sdp;

/// <summary>The answer text to send back, and what it settled.</summary>
public sealed record SdpAnswer(string Sdp, SdpNegotiation Negotiation);
