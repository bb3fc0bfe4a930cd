/**
 * Progress on stderr: per kind, objects read of objects known, and the time left. The time left
 * is what the busiest endpoint still has to do at its rate (every endpoint runs at once, so that
 * is the bound), or, with pacing off, what the rate so far predicts. On a terminal one line is
 * redrawn; elsewhere (CI logs) a line is printed every few seconds.
 */
import { kindInfo, type Kind } from "./kinds";
import type { CountingClient, Progress } from "./read";

export const labelOf = (kind: Kind): string => kindInfo(kind).progress;

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60
    ? `${m}m ${String(s % 60).padStart(2, "0")}s`
    : `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}

/** Seconds left: the largest remaining work of one endpoint at the client's rate. */
export function timeLeft(progress: Progress, client: CountingClient, elapsedSeconds: number): number | undefined {
  // Agents cost one describe_client (and one list_other_setting, in parallel) each; queues one
  // describe_queue each; the other kinds are read by lists and are done when known.
  const left = Math.max(...[...progress.values()].map((t) => t.known - t.done), 0);
  if (left === 0) return 0;
  if (client.rate > 0) return left / client.rate;
  const done = [...progress.values()].reduce((a, t) => a + t.done, 0);
  return done > 0 ? (elapsedSeconds / done) * left : undefined;
}

export function progressLine(progress: Progress, client: CountingClient, elapsedSeconds: number): string {
  const parts = [...progress.entries()].map(([kind, t]) => `${labelOf(kind)} ${t.done}/${t.known}`);
  const left = timeLeft(progress, client, elapsedSeconds);
  return `export: ${parts.join(", ")}; ${client.totalCalls} calls${left === undefined ? "" : `, about ${formatDuration(left)} left`}`;
}

export function startProgress(progress: Progress, client: CountingClient, stream: NodeJS.WriteStream, quiet: boolean) {
  const started = Date.now();
  const tty = stream.isTTY === true;
  let last = "";
  const draw = () => {
    const line = progressLine(progress, client, (Date.now() - started) / 1000);
    if (line === last) return;
    last = line;
    stream.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
  };
  const timer = quiet ? undefined : setInterval(draw, tty ? 250 : 5000);
  timer?.unref();
  return {
    stop() {
      if (timer) clearInterval(timer);
      if (!quiet) {
        draw();
        if (tty) stream.write("\n");
      }
    },
  };
}
