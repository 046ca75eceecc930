import { useRoomStore } from "../store/roomStore";
import { createHubConnection } from "./hubConnection";
import { RoomClient } from "./roomClient";

export { RoomClient } from "./roomClient";
export type { HubConnectionLike } from "./hubConnection";

let client: RoomClient | null = null;

/** The app's one room client, over one hub connection, created on first use. */
export function roomClient(): RoomClient {
  client ??= new RoomClient(createHubConnection(), () => useRoomStore.getState());
  return client;
}

/** On logout: leave, close the connection and forget it. */
export async function closeRoomClient(): Promise<void> {
  const c = client;
  client = null;
  if (c) await c.disconnect();
}
