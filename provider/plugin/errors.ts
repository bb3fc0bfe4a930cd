/**
 * How the plugin's failures read: every error it hands the engine names the resource, the
 * operation and what to do, and never carries a secret or our stack.
 */
import type { ClinkClient } from "../api";
import { ClinkApiError } from "../api";
import type { ResourceSchema } from "../schema/core";
import { apiClient } from "../settings";
import { ProviderOutcome } from "./outcomes";

/**
 * An error for the person running the deployment: the message says what happened and what to do.
 * The dynamic-provider plugin prints `${error}: ${error.stack}` to the engine's output, so the
 * stack is left empty: a user sees the sentence, not our call frames.
 */
export class ClinkProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "pulumi-clink";
    this.stack = "";
  }
}

/** A describe call whose ResourceNotFound means "gone": undefined instead of an error. */
export async function readOrGone<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof ClinkApiError && err.code === "ResourceNotFound") return undefined;
    throw err;
  }
}

/**
 * The "already exists" sentence, at preview (check) and at create: a rename or a move is the
 * likely cause inside a stack, adoption the answer for objects made outside it.
 */
export function alreadyExists(schema: ResourceSchema, naturalId: string, code?: string): string {
  const kind = schema.type;
  return (
    `${kind} ${naturalId} already exists in the center${code ? ` (${code})` : ""}. ` +
    `Did you rename this resource or move it into a component? Then tell Pulumi it is the same resource, and nothing is created or deleted: ` +
    `add \`aliases\` to its options, e.g. new clink.${kind}("new-name", { ... }, { aliases: [{ name: "old-name" }] }). ` +
    `If the ${kind.toLowerCase()} was made outside this stack (the Clink console, another tool or stack), set \`adopt: true\` on the resource ` +
    `to manage it here, or read it without managing it with clink.${kind}.get(name, "${naturalId}"). ` +
    `After an interrupted run of this stack, run \`pulumi up\` once with clink:adoptExisting set to true.`
  );
}

/** The process's API client; a configuration problem reads as one sentence, without our stack. */
export function connect(): ClinkClient {
  try {
    return apiClient();
  } catch (err) {
    throw new ClinkProviderError(`pulumi-clink configuration: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export async function call<T>(what: string, op: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw explain(what, op, err);
  }
}

/** An error that names the resource, the operation, the API code, vendor message and requestId, and what to do. */
export function explain(what: string, op: string, err: unknown, hints?: Record<string, string>): Error {
  if (err instanceof ClinkApiError) {
    const hint = hints?.[err.code] ?? GENERIC_HINTS[err.code];
    const request = err.requestId ? ` (requestId ${err.requestId})` : "";
    // No answer, or none the document describes: the client's own message names the call, the
    // host and the cause ("connection refused (127.0.0.1:1), after 6 attempts"), never a secret.
    const ours = !err.vendorMessage && CLIENT_CODES.has(err.code);
    const vendor = err.vendorMessage ? `: ${err.vendorMessage}` : ours ? ` (${err.message.replace(/\.$/, "")})` : "";
    return new ClinkProviderError(
      `${what}: ${op} failed with ${err.code}${vendor}${request}.${hint ? ` ${hint}` : ""}`,
    );
  }
  if (err instanceof ProviderOutcome) {
    const hint = hints?.[err.kind];
    return new ClinkProviderError(`${what}: ${op} failed: ${err.message}.${hint ? ` ${hint}` : ""}`);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new ClinkProviderError(`${what}: ${op} failed: ${message}`);
}

/**
 * Codes the client gives when there was no documented answer (provider/api/errors.ts); not
 * OutcomeUnknown, whose hint says what to do and whose message would only repeat it.
 */
const CLIENT_CODES = new Set(["NetworkError", "BadResponse", "ClientError"]);

const GENERIC_HINTS: Record<string, string> = {
  NetworkError:
    "Check clink:endpoint / CLINK_ENDPOINT (or clink:region) and the network to it, then run the deployment again (it is safe to repeat).",
  AuthFailure:
    "Check clink:accessKeyId / clink:accessKeySecret (or CLINK_ACCESS_KEY_ID / CLINK_ACCESS_KEY_SECRET) and the region or endpoint.",
  UnauthorizedOperation: "The access key lacks permission for this API: grant it in 系统管理-系统对接-接口密钥.",
  SignaturesExpired: "The machine's clock is probably off; sync it (NTP) and retry.",
  TooManyRequests: "The API's rate limit was hit despite pacing; lower clink:rate or retry.",
  OutcomeUnknown:
    "The server may or may not have made it. Run `pulumi up` again with `pulumi config set clink:adoptExisting true` " +
    "(or CLINK_ADOPT_EXISTING=true): an object the lost request made is then taken over instead of created twice; " +
    "set it back to false afterwards. If the run was killed and the backend still reports an update in progress, run `pulumi cancel` first.",
  InternalError: "The Clink API failed; retry later (`pulumi up` is safe to repeat).",
};
