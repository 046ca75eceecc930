namespace Parley.Media.Sdp;

/// <summary>What an offered m= section became in our answer.</summary>
public enum SdpMediaRole
{
    /// <summary>The peer's microphone: it sends, we receive (answered recvonly).</summary>
    Publish,

    /// <summary>One of the K slots the SFU fills with a loud speaker (answered sendonly).</summary>
    ReceiveSlot,

    /// <summary>Accepted in the bundle but no media either way.</summary>
    Inactive,

    /// <summary>Port 0 in the answer: not audio, no Opus, or beyond what we serve.</summary>
    Rejected,
}
