import { toast } from "sonner";
import { hubError } from "../api";
import type { HubConnectionLike } from "./hubConnection";

/**
 * The server says why before it closes a connection that flooded it (hub callback
 * "Disconnected", docs/api.md "Moderation and safety"); the person sees the sentence.
 */
export function showDisconnectReason(connection: HubConnectionLike): void {
  connection.on("Disconnected", ((reason: string) => {
    const error = hubError(new Error(reason));
    toast.error(error.serverSentence ?? error.message, { duration: 15_000 });
  }) as (...args: never[]) => void);
}
