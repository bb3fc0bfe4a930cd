/**
 * `pulumi-clink export --out DIR`: reads a live center and writes a Pulumi project that declares
 * it, every resource with adopt: true, so that the first `pulumi up` writes nothing
 * (docs/adopt-a-center.md). `exportCenter` is the same as a function, for scripts and tests.
 */
import { ClinkApiError } from "./definitions";
import { declareCenter, type ExportModel } from "./declare";
import { projectFiles, writeProject } from "./emit";
import { KIND_NAMES } from "./kinds";
import { parseExportArgs, USAGE, UsageError, type ExportOptions } from "./options";
import { formatDuration, labelOf, startProgress } from "./progress";
import { CountingClient, readCenter, type Progress } from "./read";

export { parseExportArgs, UsageError, type ExportOptions } from "./options";

export interface ExportResult {
  dir: string;
  files: Map<string, string>;
  model: ExportModel;
  /** API calls per endpoint path. */
  calls: Map<string, number>;
  seconds: number;
  /** The rate limit's lower bound: the busiest endpoint's calls / rate (0 when pacing is off). */
  boundSeconds: number;
  busiest?: string;
  rate: number;
}

interface Streams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

/** Makes the API client the way the provider does: flags first, then the CLINK_* environment. */
function connect(options: ExportOptions): CountingClient {
  const c = options.connection;
  return new CountingClient({
    ...(c.accessKeyId !== undefined ? { accessKeyId: c.accessKeyId } : {}),
    ...(c.accessKeySecret !== undefined ? { accessKeySecret: c.accessKeySecret } : {}),
    ...(c.region !== undefined ? { region: c.region as "bj" | "sh" } : {}),
    ...(c.endpoint !== undefined ? { endpoint: c.endpoint } : {}),
    // `--rate 0` paces nothing, so the server's limit (doc 2.6) answers 429 to the excess: the
    // client waits a 429 out (CLINK_RATE_LIMIT_WAIT_SECONDS) and backs off, as for every call.
    ...(c.rate !== undefined ? { rate: c.rate } : {}),
  });
}

export async function exportCenter(
  options: ExportOptions,
  streams: Streams = { stdout: process.stdout, stderr: process.stderr },
): Promise<ExportResult> {
  const client = connect(options);
  const started = Date.now();
  const progress: Progress = new Map();
  const shown = startProgress(progress, client, streams.stderr, options.quiet);
  let center;
  try {
    center = await readCenter(client, options.filter, progress);
  } finally {
    shown.stop();
    await client.close();
  }
  const seconds = (Date.now() - started) / 1000;
  const model = declareCenter(center, options.filter);
  const files = projectFiles(model, { project: options.project, host: client.endpoint.host });
  writeProject(options.out, files, options.force);
  const busiest = [...client.calls.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return {
    dir: options.out,
    files,
    model,
    calls: client.calls,
    seconds,
    boundSeconds: busiest && client.rate > 0 ? busiest[1] / client.rate : 0,
    busiest: busiest?.[0],
    rate: client.rate,
  };
}

export function summary(r: ExportResult): string {
  const counts = [...r.model.byKind.entries()].map(([k, d]) => `${d.length} ${labelOf(k)}`);
  const calls = [...r.calls.values()].reduce((a, b) => a + b, 0);
  const lines = [
    `pulumi-clink export: wrote ${r.files.size} files to ${r.dir}: ${counts.length > 0 ? counts.join(", ") : "nothing to declare"}.`,
    `Read with ${calls} API calls in ${formatDuration(r.seconds)}` +
      (r.boundSeconds > 0
        ? `; the rate limit allows no less than ${formatDuration(r.boundSeconds)} (${r.busiest}: ${r.calls.get(r.busiest!)} calls at ${r.rate}/s).`
        : "."),
  ];
  if (r.model.warnings.length > 0) lines.push(`${r.model.warnings.length} warning(s), above.`);
  lines.push(
    "Next: review the code, then in that directory: npm install, pulumi stack init, the clink:* config " +
      "(or the CLINK_* environment), pulumi preview, pulumi up. See docs/adopt-a-center.md.",
  );
  return lines.join("\n");
}

/** One sentence for the person at the terminal: what failed and what to do, no stack trace. */
export function describeFailure(err: unknown): string {
  if (err instanceof ClinkApiError) {
    const request = err.requestId ? ` (requestId ${err.requestId})` : "";
    const vendor = err.vendorMessage ? `: ${err.vendorMessage}` : "";
    switch (err.code) {
      case "ClientError":
        return err.message;
      case "AuthFailure":
      case "MissingAuthenticationToken":
        return `The Clink API refused the access key (${err.code}${vendor})${request}. Check CLINK_ACCESS_KEY_ID and CLINK_ACCESS_KEY_SECRET (or --access-key-id/--access-key-secret) and the region or endpoint.`;
      case "UnauthorizedOperation":
        return `The access key may not call ${err.path} (UnauthorizedOperation${vendor})${request}. Grant it in 系统管理-系统对接-接口密钥, or leave the kind out with --exclude.`;
      case "SignaturesExpired":
        return `The Clink API says the signature expired (SignaturesExpired)${request}: this machine's clock is probably off; sync it (NTP).`;
      case "NetworkError":
        return `Cannot reach the Clink API: ${err.message} Check --endpoint / CLINK_ENDPOINT (or --region) and the network.`;
      default:
        return `${err.method} ${err.path} failed with ${err.code}${vendor}${request}.`;
    }
  }
  return err instanceof Error ? err.message : String(err);
}

export async function main(argv: string[]): Promise<number> {
  let options: ExportOptions | "help";
  try {
    options = parseExportArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(
        `pulumi-clink export: ${err.message}\nRun \`pulumi-clink export --help\` for the options.\n`,
      );
      return 2;
    }
    throw err;
  }
  if (options === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const result = await exportCenter(options);
    for (const w of result.model.warnings) process.stderr.write(`warning: ${w}\n`);
    process.stdout.write(`${summary(result)}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`pulumi-clink export: ${describeFailure(err)}\n`);
    return 1;
  }
}

export const kinds = KIND_NAMES;
