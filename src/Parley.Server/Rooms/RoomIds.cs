using System.Security.Cryptography;

namespace Parley.Server.Rooms;

/// <summary>Room ids: 12 random lower-case base32 characters (60 bits), short enough for a link.</summary>
internal static class RoomIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string Create() => RandomNumberGenerator.GetString(Alphabet, 12);

    public static bool IsWellFormed(string? id) => id is { Length: 12 } && id.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
