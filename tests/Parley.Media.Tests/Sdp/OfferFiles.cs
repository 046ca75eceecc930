using System.Runtime.CompilerServices;

namespace Parley.Media.Tests.Sdp;

/// <summary>Reads the offers under Sdp/Offers from the source tree (no copy step in the project file).</summary>
internal static class OfferFiles
{
    public const string Chrome = "chrome-1-sendrecv-3-recvonly.sdp";
    public const string ChromeWithVideoAndData = "chrome-audio-video-datachannel.sdp";
    // Captured from Firefox ESR 153 (Debian) with the same transceivers as Chrome's.
    public const string FirefoxEsr = "firefox-esr-153-1-sendrecv-3-recvonly.sdp";

    // Written by hand after Firefox's shape, with a server-reflexive candidate and session-level fingerprint.
    public const string Firefox = "firefox-handwritten-srflx-1-sendrecv-3-recvonly.sdp";

    // Written by hand after Safari's (libwebrtc) shape, with an mDNS host candidate.
    public const string Safari = "safari-handwritten-1-sendrecv-3-recvonly.sdp";

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory(), "Offers", name));

    private static string Directory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
