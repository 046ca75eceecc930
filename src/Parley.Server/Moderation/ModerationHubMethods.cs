namespace Parley.Server.Moderation;

/// <summary>The room hub's moderation methods and the flood disconnect callback (docs/api.md).</summary>
public static class ModerationHubMethods
{
    public const string BanUser = nameof(BanUser);
    public const string UnbanUser = nameof(UnbanUser);
    public const string HandOver = nameof(HandOver);
    public const string AcceptNextHand = nameof(AcceptNextHand);
    public const string ClearHands = nameof(ClearHands);
    public const string MuteAllSpeakers = nameof(MuteAllSpeakers);

    /// <summary>Server → client before the server closes a connection: the reason, a sentence.</summary>
    public const string Disconnected = nameof(Disconnected);
}
