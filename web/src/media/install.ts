import { roomClient } from "../signaling";
import { setRoomMedia } from "./index";
import { LiveAudio } from "./liveAudio";

/** The app's live audio, plugged into the room page's media seam; exposed for tests and debugging. */
export const liveAudio = new LiveAudio(() => roomClient().hub);
setRoomMedia(liveAudio);

declare global {
  interface Window {
    parleyAudio?: LiveAudio;
  }
}
window.parleyAudio = liveAudio;
