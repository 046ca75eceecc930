namespace Parley.Media.Tests.EndToEnd;

/// <summary>The plain page each headless Chromium loads: a peer connection with 1 sendrecv + K recvonly audio m-lines.</summary>
internal static class ChromiumHarness
{
    public const string Url = "http://localhost/harness.html"; // localhost is a secure origin

    public const string Html = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Parley media harness</title></head>
        <body>
        <script>
        window.slots = [];
        window.state = () => window.pc ? window.pc.connectionState : 'none';

        // publish: capture the (fake) microphone into the sendrecv m-line; otherwise send nothing.
        window.createOffer = async (slots, publish) => {
          const pc = new RTCPeerConnection();
          window.pc = pc;
          if (publish) {
            const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
            pc.addTransceiver(stream.getAudioTracks()[0], { direction: 'sendrecv' });
          } else {
            pc.addTransceiver('audio', { direction: 'sendrecv' });
          }
          for (let i = 0; i < slots; i++) pc.addTransceiver('audio', { direction: 'recvonly' });
          await pc.setLocalDescription(await pc.createOffer());
          return pc.localDescription.sdp;
        };

        // Each recvonly slot plays in a muted <audio> (Chrome feeds WebAudio only from a playing
        // remote stream) and into an AnalyserNode.
        window.applyAnswer = async (sdp) => {
          const pc = window.pc;
          await pc.setRemoteDescription({ type: 'answer', sdp });
          const ctx = new AudioContext({ sampleRate: 48000 });
          window.ctx = ctx;
          await ctx.resume();
          const transceivers = pc.getTransceivers().slice(1);
          for (const t of transceivers) {
            const stream = new MediaStream([t.receiver.track]);
            const audio = document.createElement('audio');
            audio.muted = true;
            audio.autoplay = true;
            audio.srcObject = stream;
            document.body.appendChild(audio);
            audio.play().catch(() => {});
            const source = ctx.createMediaStreamSource(stream);
            const analyser = ctx.createAnalyser();
            analyser.fftSize = 8192;
            analyser.smoothingTimeConstant = 0;
            source.connect(analyser);
            window.slots.push(analyser);
          }
        };

        // The dominant frequency and its level (dBFS) on each slot.
        window.spectrum = () => window.slots.map(a => {
          const bins = new Float32Array(a.frequencyBinCount);
          a.getFloatFrequencyData(bins);
          let best = 0;
          for (let i = 1; i < bins.length; i++) if (bins[i] > bins[best]) best = i;
          return { hz: best * window.ctx.sampleRate / a.fftSize, db: Math.max(bins[best], -1000) };
        });
        </script>
        </body></html>
        """;
}
