using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Parley.Media.Dtls;
using Parley.Media.Ice;
using Parley.Media.Sdp;

namespace Parley.Media.Tests.Dtls;

/// <summary>
/// Our answer, ICE-lite responder and passive DTLS against real headless Chromium over UDP on
/// 127.0.0.1: the connection-setup layer alone, before any SFU exists.
/// </summary>
public class ChromeInteropTests
{
    private const string Chromium = "/usr/bin/chromium";

    private const string OfferScript = """
        async () => {
          const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
          window.pc = pc;
          const ctx = new AudioContext();
          const osc = ctx.createOscillator();
          const dest = ctx.createMediaStreamDestination();
          osc.connect(dest);
          osc.start();
          pc.addTransceiver(dest.stream.getAudioTracks()[0], { direction: 'sendrecv', streams: [dest.stream] });
          for (let i = 0; i < 3; i++) pc.addTransceiver('audio', { direction: 'recvonly' });
          await pc.setLocalDescription(await pc.createOffer());
          return pc.localDescription.sdp;
        }
        """;

    private const string AnswerScript = """
        async (sdp) => {
          await window.pc.setRemoteDescription({ type: 'answer', sdp });
          await new Promise((resolve) => {
            const done = () => ['connected', 'failed'].includes(window.pc.connectionState) && resolve();
            window.pc.onconnectionstatechange = done;
            done();
            setTimeout(resolve, 15000);
          });
          return window.pc.connectionState;
        }
        """;

    [Theory]
    [InlineData(DtlsSrtpProfiles.AeadAes128Gcm)]
    [InlineData(DtlsSrtpProfiles.AesCm128HmacSha1Tag80)]
    public async Task ChromiumConnectsThroughOurIceLiteAndDtlsAndSendsSrtp(ushort profile)
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian's chromium is not installed.");

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)socket.LocalEndPoint!;
        var serverIce = IceCredentials.Generate();
        var certificate = DtlsCertificate.Generate();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--autoplay-policy=no-user-gesture-required", "--allow-loopback-in-peer-connection"],
        });
        var page = await browser.NewPageAsync();
        var offer = await page.EvaluateAsync<string>(OfferScript);

        var answer = SdpAnswerBuilder.Build(offer, new SdpAnswerOptions(serverIce, certificate.Fingerprint, [local], [1001u, 1002u, 1003u]));
        EndPoint? peer = null;
        var transport = new DtlsDatagramTransport(d => socket.SendTo(d, SocketFlags.None, peer!));
        using var dtls = new DtlsServerHandshake(
            certificate, answer.Negotiation.RemoteFingerprint, transport, new DtlsHandshakeOptions { SrtpProfiles = [profile] });
        var handshake = dtls.StartAsync();
        using var stop = new CancellationTokenSource();
        var counters = new Counters();
        var loop = Task.Run(() => ServeAsync(socket, serverIce, answer.Negotiation.RemoteIceUfrag, transport, counters, p => peer = p, stop.Token), TestContext.Current.CancellationToken);

        var state = await page.EvaluateAsync<string>(AnswerScript, answer.Sdp);
        Assert.Equal("connected", state);
        var keys = await handshake.Within("the DTLS handshake with Chromium");
        Assert.Equal(profile, keys.ProtectionProfile);
        // Chromium reports "connected" on the first answered check and nominates just after.
        await counters.Nominated.Task.Within("a check with USE-CANDIDATE from Chromium");
        await counters.FirstSrtp.Task.Within("the first SRTP packet from Chromium");

        await page.EvaluateAsync("() => window.pc.close()");
        Assert.Equal(DtlsCloseReason.PeerClosed, await dtls.Closed.Within("Chromium's close_notify"));
        await stop.CancelAsync();
        await loop;
    }

    private static async Task ServeAsync(
        Socket socket, IceCredentials ice, string remoteUfrag, DtlsDatagramTransport transport, Counters counters, Action<EndPoint> setPeer, CancellationToken token)
    {
        var buffer = new byte[2048];
        var response = new byte[IceLiteResponder.MaxResponseLength];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        try
        {
            while (!token.IsCancellationRequested)
            {
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, token);
                var packet = buffer.AsSpan(0, received.ReceivedBytes);
                var from = (IPEndPoint)received.RemoteEndPoint;
                switch (packet[0])
                {
                    // RFC 7983 §7 demultiplexing by first byte.
                    case < 4:
                        var outcome = IceLiteResponder.TryHandleBindingRequest(packet, from, ice, response, remoteUfrag);
                        if (outcome.IsSuccess)
                        {
                            setPeer(from);
                            if (outcome.UseCandidate)
                            {
                                counters.Nominated.TrySetResult();
                            }
                        }

                        if (outcome.HasResponse)
                        {
                            socket.SendTo(response.AsSpan(0, outcome.ResponseLength), SocketFlags.None, from);
                        }

                        break;
                    case >= 20 and <= 63:
                        transport.Enqueue(packet);
                        break;
                    case >= 128 and <= 191:
                        counters.FirstSrtp.TrySetResult();
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private sealed class Counters
    {
        public TaskCompletionSource Nominated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource FirstSrtp { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
