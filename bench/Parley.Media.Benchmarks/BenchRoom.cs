using Parley.Media.Routing;
using Parley.Media.Srtp;

namespace Parley.Media.Benchmarks;

/// <summary>A room with one publishing speaker and listeners that each hold their own SRTP context (as the router's tag).</summary>
internal static class BenchRoom
{
    public static (RoomRouter Router, RouterPeer Speaker) Create(int listeners, SrtpProfile profile)
    {
        var router = new RoomRouter("bench");
        var speaker = router.AddPeer("speaker", [1, 2, 3], 111, 1);
        router.SetCanPublish(speaker, true);
        var key = new byte[16];
        var salt = new byte[SrtpSession.MasterSaltLength(profile)];
        for (var i = 0; i < listeners; i++)
        {
            Random.Shared.NextBytes(key);
            Random.Shared.NextBytes(salt);
            var ssrc = (uint)(i * 3) + 10;
            router.AddPeer($"l{i}", [ssrc, ssrc + 1, ssrc + 2], 111, 1, SrtpSession.Create(profile, key, salt));
        }
        return (router, speaker);
    }
}
