using System.Buffers.Binary;
using Parley.Media.Routing;

namespace Parley.Media.Tests.Routing;

/// <summary>Collects what the router forwards, parsed back from the written bytes.</summary>
internal sealed class RecordingSink : ForwardingSink
{
    private readonly byte[] _buffer = new byte[RoomRouter.MaxPacketSize];

    public List<Forwarded> Packets { get; } = [];

    public override Span<byte> Reserve() => _buffer;

    public override void Commit(RouterPeer subscriber, int slot, int length)
    {
        var b = _buffer.AsSpan(0, length);
        var headerLength = (b[0] & 0x10) != 0 ? 20 : 12;
        Packets.Add(new Forwarded(
            subscriber.Id,
            slot,
            BinaryPrimitives.ReadUInt32BigEndian(b[8..]),
            BinaryPrimitives.ReadUInt16BigEndian(b[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(b[4..]),
            (b[1] & 0x80) != 0,
            (byte)(b[1] & 0x7F),
            headerLength == 20 ? b[17] : -1,
            b[headerLength..].ToArray()));
    }

    public List<Forwarded> To(string subscriber) => Packets.FindAll(p => p.Subscriber == subscriber);

    internal sealed record Forwarded(string Subscriber, int Slot, uint Ssrc, ushort SequenceNumber, uint RtpTimestamp, bool Marker, byte PayloadType, int AudioLevel, byte[] Payload);
}
