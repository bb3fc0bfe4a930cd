/**
 * Notices that the Pulumi engine which started this dynamic-provider plugin is gone (SIGKILL to
 * the `pulumi` CLI, a cancelled CI job), so the provider stops writing instead of working through
 * its pacer queue for minutes (issue 24, item 3).
 *
 * What the plugin process has (@pulumi/pulumi cmd/dynamic-provider: `main(args)` takes the engine's
 * address as its one argument and serves gRPC; the CLI starts it through the
 * `pulumi-resource-pulumi-nodejs` shell script, which does not `exec`, so the plugin's parent is
 * that shell, which outlives the engine): standard input is a pipe the engine holds the writing end
 * of and never writes to, so it ends when the engine ends. That is the signal. Two fallbacks for
 * other launchers: the parent process changes (reparented to init or a subreaper), and, only when
 * standard input is not a pipe, the engine's address refuses connections.
 */
import * as fs from "node:fs";
import * as net from "node:net";

export interface EngineWatchOptions {
  /** The engine's gRPC address, `host:port` (the plugin's first argument). */
  address?: string;
  /** Standard input when it is a pipe from the engine; its end means the engine is gone. */
  input?: NodeJS.ReadableStream & { unref?: () => void };
  /** The parent process id now and how to read it again (process.ppid). */
  parent?: () => number;
  /** How often the fallbacks look. @default 500 */
  intervalMs?: number;
  /** Called once, with why. */
  gone: (why: string) => void;
}

export interface EngineWatch {
  stop(): void;
}

export function watchEngine(o: EngineWatchOptions): EngineWatch {
  let done = false;
  let timer: NodeJS.Timeout | undefined;
  const fire = (why: string) => {
    if (done) return;
    done = true;
    if (timer) clearInterval(timer);
    o.gone(why);
  };
  if (o.input) {
    o.input.on("end", () => fire("the engine closed the plugin's standard input"));
    o.input.on("close", () => fire("the engine closed the plugin's standard input"));
    o.input.on("error", () => {}); // an unreadable input says nothing; the fallbacks still look
    o.input.resume();
    o.input.unref?.(); // the watch alone does not keep the process alive
  }
  const firstParent = o.parent?.();
  const [host, port] = splitAddress(o.address);
  const probe = !o.input && host !== undefined;
  if (o.parent || probe) {
    timer = setInterval(() => {
      if (o.parent && o.parent() !== firstParent) return fire("the engine's process ended (the plugin was reparented)");
      if (!probe) return;
      const socket = net.connect({ host, port });
      socket.setTimeout(o.intervalMs ?? 500, () => socket.destroy());
      socket.on("connect", () => socket.destroy());
      socket.on("error", (err: NodeJS.ErrnoException) => {
        if (err.code === "ECONNREFUSED") fire(`the engine's address ${o.address} refuses connections`);
      });
    }, o.intervalMs ?? 500);
    timer.unref();
  }
  return {
    stop() {
      done = true;
      if (timer) clearInterval(timer);
    },
  };
}

function splitAddress(address: string | undefined): [string | undefined, number] {
  const [, host, port] = /^(.*):(\d+)$/.exec(address ?? "") ?? [];
  return host !== undefined && port !== undefined ? [host.replace(/^\[|\]$/g, ""), Number(port)] : [undefined, 0];
}

/** Whether this process is the Node dynamic-provider plugin (its script is cmd/dynamic-provider). */
export function isDynamicProviderPlugin(argv: readonly string[] = process.argv): boolean {
  return /[\\/]cmd[\\/]dynamic-provider([\\/]|$)/.test(argv[1] ?? "");
}

/** Standard input when it is a pipe (the engine's), else undefined. */
export function stdinPipe(): (NodeJS.ReadableStream & { unref?: () => void }) | undefined {
  try {
    return fs.fstatSync(0).isFIFO() ? process.stdin : undefined;
  } catch {
    return undefined;
  }
}
