using System.Runtime.CompilerServices;

namespace Parley.Media.Tests.Sdp;

/// <summary>Reads the offers under Sdp/Offers from the source tree (no copy step in the project file).</summary>
internal static class OfferFiles
{
    public const string Chrome = "chrome-1-sendrecv-3-recvonly.sdp";
    public const string ChromeWithVideoAndData = "chrome-audio-video-datachannel.sdp";
    public const string Firefox = "firefox-1-sendrecv-3-recvonly.sdp";
    public const string Safari = "safari-1-sendrecv-3-recvonly.sdp";

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory(), "Offers", name));

    private static string Directory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
