/**
 * provider/plugin/errors.ts: one error class per failure, each with a stable `code`; the message
 * the user reads stays as it was, names no secret, and carries no stack of ours.
 */
import { describe, expect, it } from "vitest";
import { ClinkApiError } from "../../provider";
import {
  AlreadyExistsError,
  ApiError,
  AuthFailedError,
  ClinkProviderError,
  explain,
  NetworkFailureError,
  NotFoundError,
  OutcomeUnknownError,
  RateLimitedError,
  TimedOutError,
} from "../../provider/plugin/errors";
import { LiveAgentError } from "../../provider/plugin/agent-state";
import { alreadyExistsRefusal, notFoundRefusal, ProviderRefusal } from "../../provider/plugin/refusals";

const apiError = (code: string, extra: Partial<ConstructorParameters<typeof ClinkApiError>[0]> = {}) =>
  new ClinkApiError({ code, message: `${code} happened.`, method: "POST", path: "/cc/create_client", ...extra });

describe("errors", () => {
  it.each([
    ["TooManyRequests", RateLimitedError, "CLINK_RATE_LIMITED"],
    ["OutcomeUnknown", OutcomeUnknownError, "CLINK_OUTCOME_UNKNOWN"],
    ["NetworkError", NetworkFailureError, "CLINK_NETWORK_FAILURE"],
    ["AuthFailure", AuthFailedError, "CLINK_AUTH_FAILED"],
    ["UnauthorizedOperation", AuthFailedError, "CLINK_AUTH_FAILED"],
    ["SignaturesExpired", AuthFailedError, "CLINK_AUTH_FAILED"],
    ["ClientExist", ApiError, "CLINK_API_ERROR"],
  ])("an API failure %s is a %s with code %s, the API code kept", (apiCode, cls, code) => {
    const err = explain("Client 1001", "create", apiError(apiCode, { requestId: "r-1" }));
    expect(err).toBeInstanceOf(cls);
    expect(err).toBeInstanceOf(ClinkProviderError);
    expect((err as ApiError).code).toBe(code);
    expect((err as ApiError).apiCode).toBe(apiCode);
    expect((err as ApiError).requestId).toBe("r-1");
    expect(err.stack).toBe("");
    expect(String(err)).toMatch(/^pulumi-clink: Client 1001: create failed with /);
  });

  it("keeps the message the user read before (tests and docs quote it)", () => {
    const vendor = explain(
      "Queue 0001",
      "delete",
      apiError("QueueInUse", { vendorMessage: "队列被使用", requestId: "abc" }),
      { QueueInUse: "Point the IVR elsewhere." },
    );
    expect(vendor.message).toBe(
      "Queue 0001: delete failed with QueueInUse: 队列被使用 (requestId abc). Point the IVR elsewhere.",
    );
    const ours = explain(
      "Queue 0001",
      "read",
      apiError("NetworkError", { message: "connection refused (127.0.0.1:1)." }),
    );
    expect(ours.message).toMatch(
      /^Queue 0001: read failed with NetworkError \(connection refused \(127\.0\.0\.1:1\)\)\. Check clink:endpoint/,
    );
  });

  it("turns the provider's own refusals into their classes", () => {
    expect(explain("QueueMember 1:2", "create", alreadyExistsRefusal("agent 2 is already a member"))).toBeInstanceOf(
      AlreadyExistsError,
    );
    const missing = explain("QueueMember 1:2", "update", notFoundRefusal("queue 1 does not exist (update)"));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.message).toBe("QueueMember 1:2: update failed: queue 1 does not exist (update).");
    const late = explain(
      "QueueMember 1:2",
      "create",
      new ProviderRefusal("timeout", "the batch was still running", true),
    );
    expect((late as TimedOutError).code).toBe("CLINK_TIMED_OUT");
  });

  it("keeps the class, code and state of one of its own errors when it names the resource", () => {
    const busy = new LiveAgentError("agent 1001 is on a call", { state: "busy" } as never);
    expect(busy.code).toBe("CLINK_AGENT_BUSY");
    const named = explain("Client 1001", "delete", busy);
    expect(named).toBeInstanceOf(LiveAgentError);
    expect((named as LiveAgentError).code).toBe("CLINK_AGENT_BUSY");
    expect((named as LiveAgentError).state).toEqual({ state: "busy" });
    expect(named.message).toBe("Client 1001: delete failed: agent 1001 is on a call");
    expect(named.stack).toBe("");
    expect(String(named)).toBe("pulumi-clink: Client 1001: delete failed: agent 1001 is on a call");
    expect(busy.message).toBe("agent 1001 is on a call"); // the original is untouched
  });

  it("gives any other failure the generic code", () => {
    const err = explain("Exten 8001", "create", new TypeError("boom"));
    expect(err).toBeInstanceOf(ClinkProviderError);
    expect((err as ClinkProviderError).code).toBe("CLINK_PROVIDER_ERROR");
  });
});
