/**
 * The program side under the SDK's mocks (no engine, no API), shared by test/program: the mocks
 * are set in the file's beforeAll, before pulumi-clink is loaded (its classes read the mocked
 * runtime), every registration is recorded, and a resource's verdict is read from its inputs.
 */
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, expect } from "vitest";
import { standIn } from "../support/stand-in";

export type Clink = typeof import("../../provider");
/** A program-side rule's verdict on one resource: what its provider's check reports before any API call. */
export type Verdict = { property: string; reason: string } | undefined;

/** The input that carries the program-side verdict to the provider (a wire string: state depends on it). */
const VERDICT_INPUT = "__ownershipConflict";

export interface MockedProgram {
  /** pulumi-clink, loaded once the mocks are set (usable from the tests on). */
  clink: Clink;
  registered: Array<{ name: string; inputs: Record<string, unknown> }>;
  /** The verdicts of the named resources, once the program body has run and every claim is judged. */
  verdicts(names: string[]): Promise<Record<string, Verdict>>;
}

export function mockedProgram(
  options: {
    /** Run as a preview (the SDK's dryRun). @default false */
    preview?: boolean;
    /** The server's object for a read by id (`Kind.get`); otherwise a registration echoes its inputs. */
    read?: (id: string) => Record<string, unknown>;
  } = {},
): MockedProgram {
  const registered: MockedProgram["registered"] = [];
  let clink: Clink | undefined;
  beforeAll(async () => {
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push({ name: args.name, inputs: args.inputs });
          return args.id && options.read
            ? { id: args.id, state: options.read(args.id) }
            : { id: `${args.name}-id`, state: args.inputs };
        },
        call: () => ({}),
      },
      "project",
      "stack",
      options.preview ?? false,
    );
    clink = await import("../../provider/index.js");
  });
  const loaded = (): Clink => {
    if (!clink) throw new Error("mockedProgram: pulumi-clink loads in the file's beforeAll; use it from a test");
    return clink;
  };
  return {
    clink: standIn(loaded),
    registered,
    async verdicts(names) {
      for (let i = 0; i < 100 && !names.every((n) => registered.some((x) => x.name === n)); i++)
        await new Promise((r) => setTimeout(r, 20));
      const out: Record<string, Verdict> = {};
      for (const n of names) {
        const r = [...registered].reverse().find((x) => x.name === n);
        expect(r, `${n} registered`).toBeDefined();
        out[n] = r!.inputs[VERDICT_INPUT] as Verdict;
      }
      return out;
    },
  };
}
