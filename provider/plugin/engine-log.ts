/**
 * Warnings the engine prints (and writes to its event log as diagnostics of severity "warning")
 * from inside the dynamic-provider plugin. The plugin gets no log channel of its own: its standard
 * output reaches the user as info, its standard error as info#err. The engine's own Log call does
 * warnings; the plugin is started with the engine's address as its one argument
 * (@pulumi/pulumi cmd/dynamic-provider, `main`), so the warning goes there.
 */
import { createRequire } from "node:module";

type EngineClient = {
  log(req: unknown, cb: (err: Error | null) => void): void;
};

let client: EngineClient | null | undefined;

/** The engine's address when this process is the dynamic-provider plugin, else undefined. */
function engineAddress(): string | undefined {
  const main = require.main?.filename ?? process.argv[1] ?? "";
  if (!/dynamic-provider/.test(main)) return undefined;
  const addr = process.argv[2];
  return addr && /^[\w.[\]:-]+:\d+$/.test(addr) ? addr : undefined;
}

function engine(): EngineClient | null {
  if (client !== undefined) return client;
  client = null;
  const addr = engineAddress();
  if (!addr) return client;
  try {
    // Loaded from @pulumi/pulumi's own place, so the gRPC it was built with is the one used.
    const fromPulumi = createRequire(require.resolve("@pulumi/pulumi"));
    const grpc = fromPulumi("@grpc/grpc-js") as {
      credentials: { createInsecure(): unknown };
    };
    const rpc = fromPulumi("@pulumi/pulumi/proto/engine_grpc_pb") as {
      EngineClient: new (addr: string, creds: unknown) => EngineClient;
    };
    client = new rpc.EngineClient(addr, grpc.credentials.createInsecure());
  } catch {
    client = null;
  }
  return client;
}

/**
 * Prints a warning: through the engine when this is the plugin, else on standard error (a test,
 * a script driving the providers). Never throws: a warning that cannot be said must not fail a step.
 */
export async function warn(message: string): Promise<void> {
  const c = engine();
  if (c) {
    try {
      const fromPulumi = createRequire(require.resolve("@pulumi/pulumi"));
      const pb = fromPulumi("@pulumi/pulumi/proto/engine_pb") as {
        LogRequest: new () => {
          setSeverity(v: number): unknown;
          setMessage(v: string): unknown;
          setUrn(v: string): unknown;
          setEphemeral(v: boolean): unknown;
        };
        LogSeverity: { WARNING: number };
      };
      const req = new pb.LogRequest();
      req.setSeverity(pb.LogSeverity.WARNING);
      req.setMessage(message);
      req.setUrn("");
      req.setEphemeral(false);
      const sent = await new Promise<boolean>((resolve) => c.log(req, (err) => resolve(!err)));
      if (sent) return;
    } catch {
      // fall through to standard error
    }
  }
  console.error(`warning: ${message}`);
}
