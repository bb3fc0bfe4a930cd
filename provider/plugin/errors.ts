/**
 * How the plugin's failures read: every error it hands the engine names the resource, the
 * operation and what to do, and never carries a secret or our stack.
 */
import type { ClinkClient } from "../api";
import { ClinkApiError } from "../api";
import type { ResourceSchema } from "../schema/core";
import { apiClient } from "../settings";
import { ProviderRefusal } from "./refusals";

/**
 * An error for the person running the deployment: the message says what happened and what to do.
 * The dynamic-provider plugin prints `${error}: ${error.stack}` to the engine's output, so the
 * stack is left empty: a user sees the sentence, not our call frames.
 *
 * One class per failure, each with a stable `code` a program can branch on (as undici's errors
 * carry `UND_ERR_*`): the message may be reworded, the code is not. `code` is a getter on the
 * class, so explain (below) can put a resource's name before the message and keep the class.
 */
export class ClinkProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "pulumi-clink";
    this.stack = "";
  }
  get code(): string {
    return "CLINK_PROVIDER_ERROR";
  }
}

/** The provider's configuration (credentials, endpoint, options) is missing or wrong. */
export class ConfigurationError extends ClinkProviderError {
  override get code() {
    return "CLINK_CONFIGURATION";
  }
}

/** The object to create exists already (in the center, or another resource's). */
export class AlreadyExistsError extends ClinkProviderError {
  override get code() {
    return "CLINK_ALREADY_EXISTS";
  }
}

/** An adoption found nothing, and creating the object needs fields (passwords) the program does not declare. */
export class CreateNeedsFieldsError extends ClinkProviderError {
  override get code() {
    return "CLINK_CREATE_NEEDS_FIELDS";
  }
}

/** A write-only value (a password) was sealed under another access key secret. */
export class SealedElsewhereError extends ClinkProviderError {
  override get code() {
    return "CLINK_SEALED_ELSEWHERE";
  }
}

/** A delete or replacement falls outside the mandatory change window (clink:changeWindow). */
export class OutsideChangeWindowError extends ClinkProviderError {
  override get code() {
    return "CLINK_OUTSIDE_CHANGE_WINDOW";
  }
}

/** An agent could not be logged out before a delete (doc 4.2.8 offline_client). */
export class LogOutRefusedError extends ClinkProviderError {
  override get code() {
    return "CLINK_LOG_OUT_REFUSED";
  }
}

/** A create answered, but the object is not in the list that gives its id. */
export class NotListedAfterCreateError extends ClinkProviderError {
  override get code() {
    return "CLINK_NOT_LISTED_AFTER_CREATE";
  }
}

/** Something the operation needs (a queue, an agent) does not exist (ProviderRefusal "notFound"). */
export class NotFoundError extends ClinkProviderError {
  override get code() {
    return "CLINK_NOT_FOUND";
  }
}

/** A wait ran out; the change may still be applied (ProviderRefusal "timeout"). */
export class TimedOutError extends ClinkProviderError {
  override get code() {
    return "CLINK_TIMED_OUT";
  }
}

/** An API call failed (ClinkApiError): `apiCode` is the API's own code (doc 2.4) or the client's. */
export class ApiError extends ClinkProviderError {
  constructor(
    message: string,
    readonly apiCode: string,
    readonly requestId?: string,
  ) {
    super(message);
  }
  override get code() {
    return "CLINK_API_ERROR";
  }
}

/** The API's rate limit was hit despite pacing (TooManyRequests, HTTP 429). */
export class RateLimitedError extends ApiError {
  override get code() {
    return "CLINK_RATE_LIMITED";
  }
}

/** A write's answer was lost: the server may or may not have applied it (OutcomeUnknown). */
export class OutcomeUnknownError extends ApiError {
  override get code() {
    return "CLINK_OUTCOME_UNKNOWN";
  }
}

/** No answer at all: connection refused, reset or timed out (NetworkError). */
export class NetworkFailureError extends ApiError {
  override get code() {
    return "CLINK_NETWORK_FAILURE";
  }
}

/** The access key was refused: wrong key, no right to this API, or a clock off (doc 2.4). */
export class AuthFailedError extends ApiError {
  override get code() {
    return "CLINK_AUTH_FAILED";
  }
}

/** The API's failures by their code; any other code is an ApiError. */
const API_FAILURES: Record<string, new (message: string, apiCode: string, requestId?: string) => ApiError> = {
  TooManyRequests: RateLimitedError,
  OutcomeUnknown: OutcomeUnknownError,
  NetworkError: NetworkFailureError,
  AuthFailure: AuthFailedError,
  UnauthorizedOperation: AuthFailedError,
  SignaturesExpired: AuthFailedError,
  MissingAuthenticationToken: AuthFailedError,
};

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
  const type = schema.type;
  return (
    `${type} ${naturalId} already exists in the center${code ? ` (${code})` : ""}. ` +
    `Did you rename this resource or move it into a component? Then tell Pulumi it is the same resource, and nothing is created or deleted: ` +
    `add \`aliases\` to its options, e.g. new clink.${type}("new-name", { ... }, { aliases: [{ name: "old-name" }] }). ` +
    `If the ${type.toLowerCase()} was made outside this stack (the Clink console, another tool or stack), set \`adopt: true\` on the resource ` +
    `to manage it here, or read it without managing it with clink.${type}.get(name, "${naturalId}"). ` +
    `After an interrupted run of this stack, run \`pulumi up\` once with clink:adoptExisting set to true.`
  );
}

/** The process's API client; a configuration problem reads as one sentence, without our stack. */
export function connect(): ClinkClient {
  try {
    return apiClient();
  } catch (err) {
    throw new ConfigurationError(`pulumi-clink configuration: ${err instanceof Error ? err.message : String(err)}`);
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
    const Failure = API_FAILURES[err.code] ?? ApiError;
    return new Failure(
      `${what}: ${op} failed with ${err.code}${vendor}${request}.${hint ? ` ${hint}` : ""}`,
      err.code,
      err.requestId,
    );
  }
  if (err instanceof ProviderRefusal) {
    const hint = hints?.[err.kind];
    const Failure = { alreadyExists: AlreadyExistsError, notFound: NotFoundError, timeout: TimedOutError }[err.kind];
    return new Failure(`${what}: ${op} failed: ${err.message}.${hint ? ` ${hint}` : ""}`);
  }
  const message = err instanceof Error ? err.message : String(err);
  // One of ours (a live agent, a log-out refused): the same class, so the same code, named.
  if (err instanceof ClinkProviderError) return rephrased(err, `${what}: ${op} failed: ${message}`);
  return new ClinkProviderError(`${what}: ${op} failed: ${message}`);
}

/** The same error (class, code and own properties such as a live agent's state) with another message. */
function rephrased<E extends ClinkProviderError>(err: E, message: string): E {
  const out = Object.assign(new ClinkProviderError(message), err, { message, stack: "" });
  return Object.setPrototypeOf(out, Object.getPrototypeOf(err) as object) as E;
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
