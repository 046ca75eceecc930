using Parley.Media.Dtls;

namespace Parley.Media.Tests.Dtls;

/// <summary>A client and a server handshake wired back to back through in-memory transports.</summary>
internal sealed class DtlsPair : IDisposable
{
    public DtlsPair(
        DtlsHandshakeOptions? serverOptions = null,
        DtlsHandshakeOptions? clientOptions = null,
        DtlsFingerprint? serverExpects = null,
        DtlsFingerprint? clientExpects = null,
        Func<byte[], bool>? dropFromServer = null,
        Func<byte[], bool>? dropFromClient = null)
    {
        ServerCertificate = DtlsCertificate.Generate();
        ClientCertificate = DtlsCertificate.Generate();
        DtlsDatagramTransport? serverTransport = null;
        DtlsDatagramTransport? clientTransport = null;
        clientTransport = new DtlsDatagramTransport(d =>
        {
            ClientSent++;
            if (dropFromClient?.Invoke(d.ToArray()) != true)
            {
                serverTransport!.Enqueue(d);
            }
        });
        serverTransport = new DtlsDatagramTransport(d =>
        {
            ServerSent++;
            if (dropFromServer?.Invoke(d.ToArray()) != true)
            {
                clientTransport.Enqueue(d);
            }
        });
        Server = new DtlsServerHandshake(ServerCertificate, serverExpects ?? ClientCertificate.Fingerprint, serverTransport, serverOptions);
        Client = new DtlsClientHandshake(ClientCertificate, clientExpects ?? ServerCertificate.Fingerprint, clientTransport, clientOptions);
    }

    public DtlsCertificate ServerCertificate { get; }

    public DtlsCertificate ClientCertificate { get; }

    public DtlsServerHandshake Server { get; }

    public DtlsClientHandshake Client { get; }

    public int ClientSent { get; private set; }

    public int ServerSent { get; private set; }

    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
    }
}

internal static class TaskWaits
{
    public static async Task<T> Within<T>(this Task<T> task, string what, int seconds = 15)
    {
        try
        {
            return await task.WaitAsync(TimeSpan.FromSeconds(seconds));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {seconds} s waiting for {what}.");
        }
    }

    public static async Task Within(this Task task, string what, int seconds = 15)
    {
        try
        {
            await task.WaitAsync(TimeSpan.FromSeconds(seconds));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {seconds} s waiting for {what}.");
        }
    }

    public static async Task<DtlsHandshakeException> FailsWithin<T>(this Task<T> task, string what, int seconds = 15)
    {
        try
        {
            await task.WaitAsync(TimeSpan.FromSeconds(seconds));
        }
        catch (DtlsHandshakeException e)
        {
            return e;
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {seconds} s waiting for {what} to fail.");
        }

        throw new Xunit.Sdk.XunitException($"Expected {what} to fail, but it succeeded.");
    }
}
