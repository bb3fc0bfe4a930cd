/**
 * The process-wide stop for every API request: once the engine that started this provider is gone
 * (provider/plugin/engine-watch.ts), no request may reach the server, since nothing can record what it
 * changes. Requests waiting in a pacer queue are dropped and every later request is refused.
 */

let why: string | undefined;
const listeners = new Set<() => void>();

/** Refuses every request from now on, and wakes whatever waits in a pacer queue so it fails at once. */
export function haltRequests(reason: string): void {
  if (why !== undefined) return;
  why = reason;
  for (const listener of listeners) listener();
}

/** Why requests are refused, or undefined while they are allowed. */
export function haltReason(): string | undefined {
  return why;
}

/** Called once when requests are halted (the pacers drop their queues). */
export function onHalt(listener: () => void): void {
  listeners.add(listener);
}

/** For tests only: allows requests again. */
export function resumeRequestsForTests(): void {
  why = undefined;
}
