using Parley.Media.Dtls;

namespace Parley.Media.Tests.Dtls;

public class DtlsDatagramTransportTests
{
    [Fact]
    public void ReceiveGivesQueuedCopiesInOrderAndMinusOneOnTimeout()
    {
        var transport = new DtlsDatagramTransport(_ => { });
        var datagram = new byte[] { 22, 254, 253, 1 };
        Assert.True(transport.Enqueue(datagram));
        datagram[0] = 99;
        Assert.True(transport.Enqueue([23, 1]));

        var buffer = new byte[16];
        Assert.Equal(4, transport.Receive(buffer, 0, buffer.Length, 10));
        Assert.Equal(22, buffer[0]);
        Assert.Equal(2, transport.Receive(buffer, 0, buffer.Length, 10));
        Assert.Equal(-1, transport.Receive(buffer, 0, buffer.Length, 10));
    }

    [Fact]
    public void AFloodIsBoundedAndCounted()
    {
        var transport = new DtlsDatagramTransport(_ => { });
        var accepted = 0;
        for (var i = 0; i < 1000; i++)
        {
            accepted += transport.Enqueue(new byte[100]) ? 1 : 0;
        }

        Assert.Equal(64, accepted);
        Assert.Equal(936, transport.DroppedDatagrams);
        Assert.False(transport.Enqueue(new byte[5000]));
    }

    [Fact]
    public async Task CloseWakesABlockedReceiveWithAnException()
    {
        var transport = new DtlsDatagramTransport(_ => { });
        var closed = false;
        transport.Closed += () => closed = true;
        var receive = Task.Run(() => transport.Receive(new byte[16], 0, 16, 30_000), TestContext.Current.CancellationToken);

        transport.Close();

        await Assert.ThrowsAsync<DtlsTransportClosedException>(() => receive.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        Assert.True(closed);
        Assert.False(transport.Enqueue([22]));
    }

    [Fact]
    public void SendsThroughTheDelegateUntilClosed()
    {
        var sent = new List<byte[]>();
        var transport = new DtlsDatagramTransport(d => sent.Add(d.ToArray()), mtu: 1200);
        transport.Send([1, 2, 3], 1, 2);
        transport.Close();
        transport.Send([4]);
        Assert.Equal([new byte[] { 2, 3 }], sent);
        Assert.Equal(1200 - 13, transport.GetSendLimit());
    }
}
