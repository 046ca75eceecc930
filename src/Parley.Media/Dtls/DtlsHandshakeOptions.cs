namespace Parley.Media.Dtls;

public sealed record DtlsHandshakeOptions
{
    public static DtlsHandshakeOptions Default { get; } = new();

    /// <summary>A handshake not finished by then fails with <see cref="DtlsHandshakeFailureReason.Timeout"/>.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>SRTP profiles in preference order (RFC 5764 numbers); see <see cref="DtlsSrtpProfiles"/>.</summary>
    public IReadOnlyList<ushort> SrtpProfiles { get; init; } = DtlsSrtpProfiles.Default;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
