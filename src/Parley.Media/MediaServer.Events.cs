using System.Threading.Channels;

namespace Parley.Media;

/// <summary>Events leave the receive loop through one channel, so handlers run in order and never under the gate.</summary>
public sealed partial class MediaServer
{
    private readonly Channel<EventArgs> _events;
    private Task? _eventLoop;

    /// <summary>The speakers forwarded in a room changed.</summary>
    public event EventHandler<ActiveSpeakersChangedEventArgs>? ActiveSpeakersChanged;

    /// <summary>A peer connected or closed.</summary>
    public event EventHandler<PeerStateChangedEventArgs>? PeerStateChanged;

    private void RaisePeerState(Transport.MediaPeer peer) =>
        _events.Writer.TryWrite(new PeerStateChangedEventArgs(peer.RoomId, peer.PeerId, peer.State, peer.CloseReason));

    private async Task DispatchEventsAsync()
    {
        await foreach (var e in _events.Reader.ReadAllAsync())
        {
            try
            {
                switch (e)
                {
                    case ActiveSpeakersChangedEventArgs speakers:
                        ActiveSpeakersChanged?.Invoke(this, speakers);
                        break;
                    case PeerStateChangedEventArgs state:
                        PeerStateChanged?.Invoke(this, state);
                        break;
                }
            }
#pragma warning disable CA1031 // a subscriber's bug must not stop the media events of everyone else
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
