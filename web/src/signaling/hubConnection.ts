import { HubConnectionBuilder, LogLevel, type IRetryPolicy, type RetryContext } from "@microsoft/signalr";

/**
 * The part of @microsoft/signalr's HubConnection the room client uses. The real connection
 * satisfies it as it is; tests hand in a fake.
 */
export interface HubConnectionLike {
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke<T = unknown>(methodName: string, ...args: unknown[]): Promise<T>;
  on(methodName: string, handler: (...args: never[]) => void): void;
  off(methodName: string): void;
  onreconnecting(callback: (error?: Error) => void): void;
  onreconnected(callback: (connectionId?: string) => void): void;
  onclose(callback: (error?: Error) => void): void;
  readonly state: string;
}

/**
 * Never gives up: quick retries first, then every 10 s. A phone that loses the network for a
 * minute should find its room again without a reload.
 */
export const foreverRetry: IRetryPolicy = {
  nextRetryDelayInMilliseconds(context: RetryContext): number {
    const steps = [0, 1000, 2000, 5000];
    return steps[context.previousRetryCount] ?? 10_000;
  },
};

export function createHubConnection(url = "/hubs/room"): HubConnectionLike {
  return new HubConnectionBuilder()
    .withUrl(url, { withCredentials: true })
    .withAutomaticReconnect(foreverRetry)
    .configureLogging(LogLevel.Warning)
    .build();
}
