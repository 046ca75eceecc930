using System.Net;
using System.Net.Sockets;
using Parley.Media.Transport;

namespace Parley.Media.Tests.Transport;

public sealed class SendBatchTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EveryQueuedDatagramArrivesIntactAndInOrder(bool sendMmsg)
    {
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var batch = new SendBatch(sender, capacity: 8, sendMmsg);
        Assert.Equal(sendMmsg && OperatingSystem.IsLinux(), batch.UsesSendMmsg);
        var destination = receiver.LocalEndPoint!.Serialize();

        for (var i = 0; i < 20; i++) // 2 full batches flush themselves, the rest on Flush
        {
            var buffer = batch.Reserve();
            buffer[0] = 0x80;
            buffer[1] = (byte)i;
            buffer.Slice(2, 100).Fill((byte)i);
            batch.Commit(destination, 102 + i);
        }
        batch.Flush();

        var received = new byte[2048];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 20; i++)
        {
            var length = await receiver.ReceiveAsync(received, SocketFlags.None, cts.Token);
            Assert.Equal(102 + i, length);
            Assert.Equal(i, received[1]);
            Assert.Equal(i, received[101]);
        }
        Assert.Equal(0, batch.Failed);
    }
}
