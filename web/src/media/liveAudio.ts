import { hubError } from "../api/errors";
import type { HubConnectionLike } from "../signaling/hubConnection";
import { useRoomStore } from "../store/roomStore";
import type { MediaState, RoomMedia } from "./index";
import { micMessage } from "./micMessage";
import { useMediaStore, type SlotView } from "./mediaStore";

// The room's audio: one RTCPeerConnection to the server's SFU with one send transceiver (the
// microphone, attached only on stage) and three recvonly slots on which the SFU forwards the
// loudest speakers (docs/api.md, "Live audio"). The server decides who is forwarded; the
// client's mute is a courtesy on top (the local track is disabled too).

const SLOTS = 3;
const DISCONNECTED_GRACE_MS = 2000;
const WATCH_MS = 1000;

interface IceServersResponse {
  iceServers: { urls: string[]; username?: string | null; credential?: string | null }[];
  ttlSeconds: number;
}

interface Slot {
  audio: HTMLAudioElement;
  analyser: AnalyserNode | null;
  transceiver: RTCRtpTransceiver;
}

export class LiveAudio implements RoomMedia {
  private readonly _hub: () => HubConnectionLike;
  private _roomId: string | null = null;
  private _state: MediaState = { role: "audience", muted: false };
  private _pc: RTCPeerConnection | null = null;
  private _send: RTCRtpTransceiver | null = null;
  private _slots: Slot[] = [];
  private _mic: MediaStream | null = null;
  private _micPending: Promise<void> | null = null;
  private _ctx: AudioContext | null = null;
  private _generation = 0;
  private _connecting = false;
  private _badSince: number | null = null;
  private _watch: number | null = null;
  private _retryDelay = 500;
  private _nextAttempt = 0;
  private _ice: { value: IceServersResponse; until: number } | null = null;
  private _volumes: number[] = Array(SLOTS).fill(1);
  private _unsubscribe: (() => void) | null = null;
  /** When the page opened the room, and when the first remote audio played (join time). */
  readonly timing: { enteredAt: number; firstAudioAt: number | null } = { enteredAt: 0, firstAudioAt: null };

  constructor(hub: () => HubConnectionLike) {
    this._hub = hub;
  }

  async enter(roomId: string): Promise<void> {
    if (this._roomId === roomId) return;
    if (this._roomId) await this.leave();
    this._roomId = roomId;
    this.timing.enteredAt = performance.now();
    this.timing.firstAudioAt = null;
    const hub = this._hub();
    hub.off("ActiveSpeakers");
    hub.on("ActiveSpeakers", ((msg: { roomId: string; userIds: string[] }) => this.onActiveSpeakers(msg)) as (...args: never[]) => void);
    useMediaStore.getState().set({ connection: "connecting", speaking: [], micError: null, reconnects: 0 });
    this.setMediaSession();
    // Connect as soon as the room's snapshot is in (ConnectMedia needs JoinRoom first); the
    // watchdog reconnects after failures, network drops and hub reconnects.
    this._unsubscribe = useRoomStore.subscribe((s) => {
      if (s.room?.roomId === this._roomId && !this._pc && !this._connecting && performance.now() >= this._nextAttempt) void this.connect();
    });
    this._watch = window.setInterval(() => this.watch(), WATCH_MS);
    if (useRoomStore.getState().room?.roomId === roomId) await this.connect();
  }

  update(state: MediaState): void {
    this._state = state;
    void this.applyMicrophone();
  }

  async leave(): Promise<void> {
    this._roomId = null;
    this._generation++;
    this._unsubscribe?.();
    this._unsubscribe = null;
    if (this._watch !== null) window.clearInterval(this._watch);
    this._watch = null;
    this.closePeer();
    this.stopMic();
    this._hub().off("ActiveSpeakers");
    useMediaStore.getState().set({ connection: "idle", speaking: [], slots: [], micError: null, needsTap: false });
  }

  /** Per-slot playback volume (0..1). */
  setVolume(index: number, volume: number): void {
    this._volumes[index] = volume;
    const slot = this._slots[index];
    if (slot) slot.audio.volume = volume;
    this.publishSlots();
  }

  /** After a refused autoplay: the person tapped, play again. */
  resumePlayback(): void {
    for (const s of this._slots) void s.audio.play().catch(() => {});
    void this._ctx?.resume();
    useMediaStore.getState().set({ needsTap: false });
  }

  /** The loudest level (dBFS) around a frequency over all slots: what the person hears (tests, debug). */
  levelAt(hz: number): number {
    let best = -Infinity;
    for (const s of this._slots) {
      const a = s.analyser;
      if (!a || !this._ctx) continue;
      const bins = new Float32Array(a.frequencyBinCount);
      a.getFloatFrequencyData(bins);
      const center = Math.round((hz * a.fftSize) / this._ctx.sampleRate);
      for (let i = Math.max(0, center - 2); i <= Math.min(bins.length - 1, center + 2); i++) best = Math.max(best, bins[i]!);
    }
    return best;
  }

  /**
   * Tests only: behave like a modified client that keeps the microphone on whatever the room
   * says, to show the server (not this code) stops its audio.
   */
  misbehave(): void {
    this._misbehaving = true;
  }

  private _misbehaving = false;

  /** RTP packets sent from the microphone so far (tests). */
  async packetsSent(): Promise<number> {
    let sent = 0;
    const report = await this._pc?.getStats();
    report?.forEach((stat: { type: string; packetsSent?: number }) => {
      if (stat.type === "outbound-rtp") sent += stat.packetsSent ?? 0;
    });
    return sent;
  }

  /** Simulates a network drop: the peer connection dies; the watchdog must recover (tests). */
  dropConnection(): void {
    this._pc?.close();
  }

  get peerConnection(): RTCPeerConnection | null {
    return this._pc;
  }

  private async connect(): Promise<void> {
    const roomId = this._roomId;
    if (!roomId || this._connecting) return;
    this._connecting = true;
    const generation = ++this._generation;
    try {
      this.closePeer();
      const config: RTCConfiguration = { bundlePolicy: "max-bundle", iceServers: await this.iceServers() };
      if (generation !== this._generation) return;
      const pc = new RTCPeerConnection(config);
      this._pc = pc;
      this._send = pc.addTransceiver("audio", { direction: "sendrecv" });
      this._slots = [];
      for (let i = 0; i < SLOTS; i++) {
        const transceiver = pc.addTransceiver("audio", { direction: "recvonly" });
        this._slots.push({ transceiver, audio: this.playerFor(i, transceiver.receiver.track), analyser: null });
      }
      pc.onconnectionstatechange = () => this.onPeerState(pc);
      const micTrack = this._mic?.getAudioTracks()[0] ?? null;
      if (micTrack) await this._send.sender.replaceTrack(micTrack);
      await pc.setLocalDescription(await pc.createOffer());
      const answer = await this._hub().invoke<string>("ConnectMedia", roomId, pc.localDescription!.sdp);
      if (generation !== this._generation) {
        pc.close();
        return;
      }
      await pc.setRemoteDescription({ type: "answer", sdp: answer });
      this.attachAnalysers();
      this._retryDelay = 500;
    } catch (e) {
      const code = hubError(e).code;
      if (code === "removed" || code === "room_ended") {
        this.closePeer();
        useMediaStore.getState().set({ connection: "idle" });
        return;
      }
      this.closePeer();
      useMediaStore.getState().set({ connection: "reconnecting" });
      this._nextAttempt = performance.now() + this._retryDelay;
      this._retryDelay = Math.min(this._retryDelay * 2, 8000);
    } finally {
      this._connecting = false;
    }
  }

  /** Recovers from a failed, closed or long-disconnected connection by connecting again (ICE restart with a new offer). */
  private watch(): void {
    if (!this._roomId || this._connecting) return;
    const pc = this._pc;
    const now = performance.now();
    const bad = !pc || pc.connectionState === "failed" || pc.connectionState === "closed" || pc.connectionState === "disconnected";
    if (!bad) {
      this._badSince = null;
      this.pollStats();
      return;
    }
    this._badSince ??= now;
    const hard = !pc || pc.connectionState !== "disconnected";
    const roomReady = useRoomStore.getState().room?.roomId === this._roomId && useRoomStore.getState().connection === "connected";
    if (roomReady && now >= this._nextAttempt && (hard || now - this._badSince > DISCONNECTED_GRACE_MS)) {
      useMediaStore.getState().set({ connection: "reconnecting", reconnects: useMediaStore.getState().reconnects + 1 });
      void this.connect();
    }
  }

  private onPeerState(pc: RTCPeerConnection): void {
    if (pc !== this._pc) return;
    const state = pc.connectionState;
    const view = state === "connected" ? "connected" : state === "new" || state === "connecting" ? "connecting" : "reconnecting";
    useMediaStore.getState().set({ connection: view });
  }

  private playerFor(index: number, track: MediaStreamTrack): HTMLAudioElement {
    // <audio> elements, not only WebAudio: they keep playing with the screen locked where the
    // browser allows it, and Chrome feeds WebAudio from a remote track only while it plays.
    const audio = document.createElement("audio");
    audio.autoplay = true;
    audio.dataset.slot = String(index);
    audio.srcObject = new MediaStream([track]);
    audio.volume = this._volumes[index] ?? 1;
    audio.style.display = "none";
    document.body.appendChild(audio);
    audio.addEventListener("playing", () => {
      this.timing.firstAudioAt ??= performance.now();
    });
    audio.play().catch(() => {
      // Autoplay refused (no gesture yet): the next tap or key anywhere starts playback.
      useMediaStore.getState().set({ needsTap: true });
      const resume = () => this.resumePlayback();
      document.addEventListener("pointerdown", resume, { once: true });
      document.addEventListener("keydown", resume, { once: true });
    });
    return audio;
  }

  private attachAnalysers(): void {
    try {
      this._ctx ??= new AudioContext();
      void this._ctx.resume().catch(() => {});
      for (const slot of this._slots) {
        const source = this._ctx.createMediaStreamSource(slot.audio.srcObject as MediaStream);
        const analyser = this._ctx.createAnalyser();
        analyser.fftSize = 4096;
        analyser.smoothingTimeConstant = 0.2;
        source.connect(analyser);
        slot.analyser = analyser;
      }
    } catch {
      // No WebAudio: playback still works; only levels and the debug view are missing.
    }
  }

  private async applyMicrophone(): Promise<void> {
    const onStage = this._state.role !== "audience";
    if (this._misbehaving && this._mic) {
      const t = this._mic.getAudioTracks()[0];
      if (t) t.enabled = true;
      return;
    }
    if (!onStage) {
      this.stopMic();
      useMediaStore.getState().set({ micError: null });
      return;
    }
    if (!this._mic) {
      if (!this._micPending) {
        this._micPending = (async () => {
          try {
            this._mic = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true } });
            useMediaStore.getState().set({ micError: null });
          } catch (e) {
            useMediaStore.getState().set({ micError: micMessage(e) });
          } finally {
            this._micPending = null;
          }
        })();
      }
      await this._micPending;
      if (this._state.role === "audience") {
        this.stopMic();
        return;
      }
    }
    const track = this._mic?.getAudioTracks()[0] ?? null;
    if (!track) return;
    track.enabled = !this._state.muted;
    if (this._send && this._send.sender.track !== track) await this._send.sender.replaceTrack(track).catch(() => {});
  }

  private stopMic(): void {
    if (this._send) void this._send.sender.replaceTrack(null).catch(() => {});
    this._mic?.getTracks().forEach((t) => t.stop());
    this._mic = null;
  }

  private closePeer(): void {
    for (const s of this._slots) {
      s.audio.pause();
      s.audio.srcObject = null;
      s.audio.remove();
    }
    this._slots = [];
    if (this._pc) {
      this._pc.onconnectionstatechange = null;
      this._pc.close();
    }
    this._pc = null;
    this._send = null;
  }

  private async iceServers(): Promise<RTCIceServer[]> {
    if (this._ice && this._ice.until > Date.now()) return this._ice.value.iceServers.map(toRtc);
    try {
      const response = await fetch("/api/v1/media/ice-servers", { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (!response.ok) return [];
      const value = (await response.json()) as IceServersResponse;
      // Fetch again well before the TURN credentials expire.
      this._ice = { value, until: Date.now() + (value.ttlSeconds * 1000) / 2 };
      return value.iceServers.map(toRtc);
    } catch {
      return [];
    }
  }

  private onActiveSpeakers(msg: { roomId: string; userIds: string[] }): void {
    if (msg.roomId !== this._roomId) return;
    useMediaStore.getState().set({ speaking: msg.userIds });
    this.publishSlots();
  }

  private _stats: Map<number, { packetsReceived: number; packetsLost: number; jitterMs: number }> = new Map();

  private pollStats(): void {
    const pc = this._pc;
    if (!pc) return;
    void pc.getStats().then((report) => {
      const byMid = new Map<string, number>();
      this._slots.forEach((s, i) => {
        if (s.transceiver.mid) byMid.set(s.transceiver.mid, i);
      });
      report.forEach((stat: { type: string; mid?: string; packetsReceived?: number; packetsLost?: number; jitter?: number }) => {
        if (stat.type !== "inbound-rtp" || stat.mid === undefined) return;
        const index = byMid.get(stat.mid);
        if (index === undefined) return;
        this._stats.set(index, { packetsReceived: stat.packetsReceived ?? 0, packetsLost: stat.packetsLost ?? 0, jitterMs: (stat.jitter ?? 0) * 1000 });
      });
      this.publishSlots();
    });
  }

  private publishSlots(): void {
    const speaking = useMediaStore.getState().speaking;
    const me = useRoomStore.getState().meId;
    const others = speaking.filter((id) => id !== me);
    const slots: SlotView[] = this._slots.map((s, i) => ({
      index: i,
      // The SFU fills slots in ActiveSpeakers order; a best guess when a slot in between is free.
      userId: speaking[i] !== me ? (speaking[i] ?? null) : (others[i] ?? null),
      volume: this._volumes[i] ?? 1,
      level: this.slotLevel(s),
      ...(this._stats.get(i) ?? { packetsReceived: 0, packetsLost: 0, jitterMs: 0 }),
    }));
    useMediaStore.getState().set({ slots });
  }

  private slotLevel(slot: Slot): number {
    const a = slot.analyser;
    if (!a) return 0;
    const data = new Float32Array(a.fftSize);
    a.getFloatTimeDomainData(data);
    let sum = 0;
    for (const v of data) sum += v * v;
    return Math.min(1, Math.sqrt(sum / data.length) * 4);
  }

  private setMediaSession(): void {
    // The lock screen shows the room as playing audio, which keeps playback going on phones
    // that allow background audio from a playing media element.
    if (!("mediaSession" in navigator)) return;
    const title = useRoomStore.getState().room?.title ?? "Parley room";
    try {
      navigator.mediaSession.metadata = new MediaMetadata({ title, artist: "Parley" });
      navigator.mediaSession.playbackState = "playing";
    } catch {
      // Not supported: nothing to show.
    }
  }
}

function toRtc(server: IceServersResponse["iceServers"][number]): RTCIceServer {
  return {
    urls: server.urls,
    ...(server.username ? { username: server.username } : {}),
    ...(server.credential ? { credential: server.credential } : {}),
  };
}
