/**
 * The one error type the client throws. Its message and properties never hold the access key
 * secret, a signature or a request body (bodies may carry agent and phone passwords).
 */

/** Codes of doc 2.4 that a caller may branch on, plus the client's own. */
export type ClinkErrorCode =
  | "AuthFailure"
  | "InvalidParameter"
  | "MissingParameter"
  | "ResourceNotFound"
  | "MissingRequestBody"
  | "MissingAuthenticationToken"
  | "HttpMediaTypeNotSupported"
  | "HttpRequestMethodNotSupported"
  | "UnauthorizedOperation"
  | "UnknownParameter"
  | "SignaturesExpired"
  | "TooManyRequests"
  | "InternalError"
  /** The request may or may not have been applied (non-idempotent call, connection lost or 5xx). */
  | "OutcomeUnknown"
  /** No answer: connection refused, reset or timed out on a call that was safe to retry until the budget ran out. */
  | "NetworkError"
  /** The server answered something that is not the documented JSON envelope. */
  | "BadResponse"
  /** The client refused to send (bad configuration, offset past the documented cap). */
  | "ClientError"
  | (string & {});

export interface ClinkApiErrorInit {
  code: ClinkErrorCode;
  message: string;
  method: string;
  path: string;
  httpStatus?: number;
  requestId?: string;
  vendorMessage?: string;
  retryable?: boolean;
  outcomeUnknown?: boolean;
  attempts?: number;
}

export class ClinkApiError extends Error {
  readonly code: ClinkErrorCode;
  readonly httpStatus?: number;
  readonly requestId?: string;
  readonly method: string;
  readonly path: string;
  /** The vendor's own `error.message`, verbatim (often Chinese). */
  readonly vendorMessage?: string;
  /** Whether the failure class is transient (429, 5xx, network). */
  readonly retryable: boolean;
  /** True when a non-idempotent call may have been applied: look the object up before trying again. */
  readonly outcomeUnknown: boolean;
  readonly attempts: number;

  constructor(init: ClinkApiErrorInit) {
    super(init.message);
    this.name = "ClinkApiError";
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    this.requestId = init.requestId;
    this.method = init.method;
    this.path = init.path;
    this.vendorMessage = init.vendorMessage;
    this.retryable = init.retryable ?? false;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
    this.attempts = init.attempts ?? 1;
  }
}

/** A configuration the client refuses before sending anything. */
export function configError(message: string): ClinkApiError {
  return new ClinkApiError({ code: "ClientError", message, method: "-", path: "-" });
}
