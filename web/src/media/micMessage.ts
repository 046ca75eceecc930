/** A plain sentence for a refused or missing microphone (getUserMedia's DOMException names). */
export function micMessage(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
      return "Parley may not use your microphone, so nobody can hear you. Allow the microphone for this site in your browser's settings, then mute and unmute.";
    case "NotFoundError":
    case "OverconstrainedError":
      return "No microphone was found. Plug one in, then mute and unmute.";
    case "NotReadableError":
      return "Your microphone is busy in another app. Close it there, then mute and unmute.";
    default:
      return window.isSecureContext
        ? "Your microphone could not be started. Mute and unmute to try again."
        : "The microphone needs a secure (https) address; ask whoever runs this server to set up HTTPS.";
  }
}
