using Microsoft.AspNetCore.SignalR;
using Parley.Protocol.Rooms;
using Parley.Server.Media;
using Parley.Server.Rooms;

namespace Parley.Server.Hubs;

/// <summary>Live audio: the caller's WebRTC session with this node's SFU (docs/api.md, "Live audio").</summary>
internal sealed partial class RoomHub
{
    /// <summary>An SDP offer larger than this is refused (a browser's audio offer is a few kB).</summary>
    private const int MaxOfferLength = 32 * 1024;

    /// <summary>
    /// Opens the caller's media session in a room they are in and returns the SFU's SDP answer. A
    /// second call replaces the session (how a client recovers after an ICE failure). What the SFU
    /// forwards follows the room grain, not the client: only unmuted moderators and speakers.
    /// </summary>
    public async Task<string> ConnectMedia(string roomId, string offerSdp)
    {
        var userId = UserId;
        Check(roomId);
        if (string.IsNullOrEmpty(offerSdp) || offerSdp.Length > MaxOfferLength)
        {
            throw Refuse(RoomErrorCode.BadRequest, "the offer is missing or too large");
        }
        var sessions = Context.GetHttpContext()?.RequestServices.GetRequiredService<MediaSessions>()
            ?? throw new InvalidOperationException("no request services on a hub connection");
        var (answer, error) = await sessions.ConnectAsync(roomId, userId, offerSdp, Context.ConnectionAborted);
        if (error is null)
        {
            // ActiveSpeakers is sent on changes only: a newcomer gets the current set at once.
            await Clients.Caller.SendAsync(MediaHubMethods.ActiveSpeakers, new ActiveSpeakers(roomId, sessions.ActiveSpeakers(roomId)));
        }
        return error switch
        {
            null => answer!,
            RoomErrorCode.BadRequest => throw Refuse(RoomErrorCode.BadRequest, "the offer has no usable Opus audio"),
            RoomErrorCode.NotInRoom => throw Refuse(RoomErrorCode.NotInRoom, "join the room first"),
            RoomErrorCode.RoomEnded => throw Refuse(RoomErrorCode.RoomEnded, "the room has ended"),
            var code => throw Refuse(code.Value, "there is no such room"),
        };
    }
}
