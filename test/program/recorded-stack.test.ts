/**
 * provider/program/recorded-stack.ts: around a class's `super(...)`, the SDK's stack capture
 * (an Error made in `Resource.callsites` with the limit lifted) keeps the frames up to the user's
 * line; any other stack is formatted as before, and the hook is gone afterwards.
 */
import { describe, expect, it } from "vitest";
import { cutRecordedStack } from "../../provider/program/recorded-stack";

// The shape of @pulumi/pulumi's capture: Resource.callsites -> stackTrace -> new Resource ->
// new CustomResource -> new <Class> -> the user's line -> the loader's frames below it.
class Sdk {
  static callsites(): string[] {
    const limit = Error.stackTraceLimit;
    try {
      Error.stackTraceLimit = Number.POSITIVE_INFINITY;
      return (new Error().stack ?? "").split("\n").slice(1);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
  static stackTrace(): string[] {
    return Sdk.callsites();
  }
}
class Resource {
  frames: string[];
  constructor() {
    this.frames = Sdk.stackTrace();
  }
}
class CustomResource extends Resource {
  // Explicit, as the SDK's is (V8 leaves an implicit constructor out of the stack).
  constructor() {
    super();
  }
}
class Agent extends CustomResource {
  constructor() {
    const restore = cutRecordedStack();
    try {
      super();
    } finally {
      restore();
    }
  }
}
function userLine(): Agent {
  return new Agent();
}
function loaderA(): Agent {
  return userLine();
}
function loaderB(): Agent {
  return loaderA();
}

describe("the recorded stack", () => {
  it("keeps the frames up to the user's line when a resource registers, and only then", () => {
    const uncut = (() => {
      class Plain extends CustomResource {}
      return new Plain().frames;
    })();
    expect(uncut.length).toBeGreaterThan(6);

    const frames = loaderB().frames;
    expect(frames).toHaveLength(6);
    expect(frames[0]).toMatch(/callsites/);
    expect(frames[4]).toMatch(/new Agent/);
    expect(frames[5]).toMatch(/userLine/);
    expect(frames.join("\n")).not.toMatch(/loaderA|loaderB/);
  });

  it("leaves other stacks and the previous hook as they were", () => {
    const before = Error.prepareStackTrace;
    const seen: number[] = [];
    Error.prepareStackTrace = (error, sites) => {
      seen.push(sites.length);
      return `hooked ${error.message}`;
    };
    try {
      const hook = Error.prepareStackTrace;
      const restore = cutRecordedStack();
      // Not the SDK's capture: passed to the previous hook whole.
      const other = new Error("other").stack;
      restore();
      expect(other).toBe("hooked other");
      expect(seen[0]).toBeGreaterThan(1);
      expect(Error.prepareStackTrace).toBe(hook);
      // The capture inside super goes to the previous hook too, cut.
      const frames = loaderB().frames;
      expect(seen.at(-1)).toBe(6);
      expect(frames).toEqual([]); // "hooked " has one line, which the SDK's parse drops
    } finally {
      Error.prepareStackTrace = before;
    }
    expect(new Error("plain").stack).toMatch(/^Error: plain\n {4}at /);
  });
});
