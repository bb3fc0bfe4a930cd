/**
 * The generic provider (provider/plugin/provider.ts) against a fake API in memory: adoption, recovery after an
 * ambiguous create, partial state after a failed follow-up call, delete-before-replace, the
 * provider's own outcomes and the rename-safe delete. Milliseconds, no simulator, no HTTP.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ClinkApiError, configureProvider } from "../../provider";
import { makeProvider, type ResourceApi } from "../../provider/plugin/provider";
import { createHmac } from "node:crypto";
import { alreadyExistsRefusal } from "../../provider/plugin/refusals";
import type { ResourceSchema } from "../../provider/schema/core";

const schema: ResourceSchema = {
  type: "Widget",
  vendorTerm: "部件",
  noun: "widget",
  idFields: ["key"],
  fields: {
    key: { schema: z.string(), label: "key", doc: "key", lifecycle: "identity", required: true },
    size: { schema: z.number(), label: "size", doc: "size", lifecycle: "updatable", default: 1 },
    color: { schema: z.string(), label: "color", doc: "color", lifecycle: "replace" },
    late: { schema: z.number(), label: "update only", doc: "update only", lifecycle: "updateOnly" },
    secret: {
      schema: z.string(),
      label: "pw",
      doc: "pw",
      lifecycle: "updatable",
      writeOnly: true,
      secret: true,
      required: true,
    },
  },
};

type Obj = Record<string, unknown>;

/** A fingerprint in the form state before this release holds (hex salt, the whole MAC in hex). */
const fingerprintHex = (value: unknown, salt: string) =>
  createHmac("sha256", salt).update(JSON.stringify(value)).digest("hex");
let store: Map<string, Obj>;
let calls: string[];
let failNext: Partial<Record<"create" | "update", "lost" | "refused">>;

const api: ResourceApi = {
  async create(_c, body) {
    calls.push("create");
    if (failNext.create === "refused") throw alreadyExistsRefusal("the fake says it exists");
    store.set(String(body.key), { ...body });
    if (failNext.create === "lost") {
      failNext.create = undefined;
      throw new ClinkApiError({
        code: "OutcomeUnknown",
        message: "lost",
        method: "POST",
        path: "/x",
        outcomeUnknown: true,
      });
    }
    return undefined;
  },
  async read(_c, id) {
    calls.push("read");
    const o = store.get(id);
    return o ? { key: o.key, size: o.size, color: o.color, late: o.late } : undefined;
  },
  async update(_c, id, body) {
    calls.push(`update:${Object.keys(body).sort().join(",")}`);
    if (failNext.update === "refused")
      throw new ClinkApiError({ code: "InvalidParameter", message: "no", method: "POST", path: "/u" });
    store.set(id, { ...store.get(id), ...body });
    return undefined;
  },
  async delete(_c, id) {
    calls.push("delete");
    store.delete(id);
  },
  existsCodes: [],
};
const provider = makeProvider({ schema, api });

beforeEach(() => {
  store = new Map();
  calls = [];
  failNext = {};
  configureProvider({ endpoint: "http://127.0.0.1:9", accessKeyId: "k", accessKeySecret: "fake-secret", rate: 0 });
});

const checked = async (raw: Obj, olds: Obj = {}) => {
  const r = await provider.check!(olds, raw);
  expect(r.failures).toEqual([]);
  return r.inputs!;
};

describe("the generic provider", () => {
  it("creates, sending update-only fields in a follow-up; outputs hold no write-only value", async () => {
    const { id, outs } = await provider.create(await checked({ key: "a", secret: "pw-1", late: 5 }));
    expect(id).toBe("a");
    // Nothing would refuse a second widget (no existsCodes): create looks first.
    expect(calls).toEqual(["read", "create", "update:key,late"]);
    expect(outs).not.toHaveProperty("secret");
    expect(JSON.stringify(outs)).not.toContain("pw-1");
  });

  it("adopts with the look-up, writing only what differs, and nothing when all matches", async () => {
    store.set("a", { key: "a", size: 3 });
    calls = [];
    await provider.create(await checked({ key: "a", size: 3, adopt: true }));
    expect(calls).toEqual(["read"]);
    calls = [];
    await provider.create(await checked({ key: "a", size: 4, adopt: true }));
    expect(calls).toEqual(["read", "update:key,size"]);
  });

  it("adopts an object leaving a field the declaration leaves out as the server holds it", async () => {
    store.set("d", { key: "d", size: 7 }); // off the default (1); the declaration leaves it out
    calls = [];
    const { outs } = await provider.create(await checked({ key: "d", adopt: true }));
    expect(calls).toEqual(["read"]); // nothing written
    expect(store.get("d")).toMatchObject({ size: 7 });
    expect(outs.size).toBe(7); // the output is what the server holds, not the default
    expect((await provider.read!("d", outs)).inputs).toBeUndefined(); // and a refresh finds nothing
  });

  it("reads an object for get with every field the server answers, defaults included", async () => {
    store.set("g2", { key: "g2", size: 1, color: "blue" });
    const got = await provider.read!("g2", { __provider: "p" });
    expect(got.props).toMatchObject({ key: "g2", size: 1, color: "blue" });
  });

  it("a refresh finds a declared field the server no longer answers, and hands back inputs", async () => {
    const { outs } = await provider.create(await checked({ key: "c", secret: "pw", color: "red" }));
    expect((await provider.read!("c", outs)).inputs).toBeUndefined();
    store.set("c", { ...store.get("c"), color: undefined }); // cleared in the console
    const read = await provider.read!("c", outs);
    expect(read.inputs).toBeDefined();
    expect(read.inputs).not.toHaveProperty("color");
    expect(read.props).not.toHaveProperty("color");
  });

  it("recovers an ambiguous create that landed: no second create, converged like an adoption", async () => {
    failNext.create = "lost";
    const { id } = await provider.create(await checked({ key: "b", secret: "pw", late: 2 }));
    expect(id).toBe("b");
    expect(calls.filter((c) => c === "create")).toHaveLength(1);
    expect(store.get("b")).toMatchObject({ late: 2 });
  });

  it("hands the engine partial state when the follow-up after create fails (nothing orphaned)", async () => {
    failNext.update = "refused";
    const err = (await provider.create(await checked({ key: "c", secret: "pw", late: 1 })).catch((e) => e)) as {
      id?: string;
      properties?: Obj;
      message: string;
    };
    expect(err.id).toBe("c");
    expect(err.properties).toMatchObject({ key: "c" });
    expect(err.message).toContain("Widget c: complete create failed with InvalidParameter");
  });

  it("turns the resource's own 'already exists' outcome into the rename-first message", async () => {
    failNext.create = "refused";
    await expect(provider.create(await checked({ key: "d", secret: "pw" }))).rejects.toThrow(
      /^Widget d already exists in the center\. Did you rename this resource/,
    );
  });

  it("deletes before replacing when the key survives, creates first when it changes", async () => {
    const { outs } = await provider.create(await checked({ key: "e", secret: "pw", color: "red" }));
    const same = await provider.diff!("e", outs, await checked({ key: "e", secret: "pw", color: "blue" }, outs));
    expect(same).toMatchObject({ changes: true, replaces: ["color"], deleteBeforeReplace: true });
    const moved = await provider.diff!("e", outs, await checked({ key: "f", secret: "pw", color: "red" }, outs));
    expect(moved).toMatchObject({ replaces: ["key"], deleteBeforeReplace: false });
  });

  it("a write-only change is seen through the fingerprint; the same value is no change", async () => {
    const { outs } = await provider.create(await checked({ key: "g", secret: "pw-1" }));
    expect((await provider.diff!("g", outs, await checked({ key: "g", secret: "pw-1" }, outs))).changes).toBe(false);
    expect((await provider.diff!("g", outs, await checked({ key: "g", secret: "pw-2" }, outs))).changes).toBe(true);
  });

  it("tags each sealed write-only value in the clear: same password, same tag; no form of the password", async () => {
    const one = await checked({ key: "t", secret: "pw-1" });
    const again = await checked({ key: "t", secret: "pw-1" });
    const other = await checked({ key: "t", secret: "pw-2" });
    const tag = (inputs: Record<string, unknown>) => (inputs.__writeOnlyTags as Record<string, string>).secret;
    expect(tag(one)).toMatch(/^[0-9a-f]{16}$/);
    expect(tag(again)).toBe(tag(one));
    expect(tag(other)).not.toBe(tag(one));
    // Another object with the same password: another tag (equal passwords never show as equal).
    expect(tag(await checked({ key: "t2", secret: "pw-1" }))).not.toBe(tag(one));
    expect(JSON.stringify(one.__writeOnlyTags)).not.toContain("pw-1");
    expect((await provider.diff!("t", one, again)).changes).toBe(false);
    expect((await checked({ key: "u", adopt: true })).__writeOnlyTags).toBeUndefined();
    // Stored once, with the inputs: the outputs do not repeat them.
    const { outs } = await provider.create(one);
    expect(outs).not.toHaveProperty("__writeOnlyTags");
    expect((await provider.update!("t", outs, other)).outs).not.toHaveProperty("__writeOnlyTags");
  });

  it("leaves an object alone when another resource of this deployment took it over (a rename)", async () => {
    const old = await provider.create(await checked({ key: "h", secret: "pw" }));
    const renamed = await provider.create(await checked({ key: "h", adopt: true }));
    expect(renamed.outs.adopted).toBe(true);
    await provider.delete!("h", old.outs); // the old resource's delete
    expect(store.has("h")).toBe(true);
    await provider.delete!("h", renamed.outs); // the resource that owns it now
    expect(store.has("h")).toBe(false);
  });
});

describe("looking before a create", () => {
  it("check looks a new object up only in a preview (the engine runs checks one at a time)", async () => {
    await provider.check!({}, { key: "m", secret: "pw" });
    expect(calls).toEqual([]);
    store.set("m", { key: "m" });
    const preview = await provider.check!({}, { key: "m", secret: "pw", __preview: true });
    expect(calls).toEqual(["read"]);
    expect(preview.failures?.[0]?.reason).toMatch(/^Widget m already exists in the center/);
    expect(preview.inputs).not.toHaveProperty("__preview"); // never stored
  });

  it("at up, create looks first when nothing else would refuse a second object", async () => {
    store.set("n", { key: "n" });
    const inputs = await checked({ key: "n", secret: "pw" });
    await expect(provider.create(inputs)).rejects.toThrow(/^Widget n already exists in the center/);
    expect(calls).toEqual(["read"]);
    const refusing = makeProvider({ schema, api: { ...api, existsCodes: ["WidgetExist"] } });
    calls = [];
    await refusing.create(await checked({ key: "o", secret: "pw" }));
    expect(calls).toEqual(["create"]); // the server would refuse a duplicate: no look-up
  });
});

describe("an object found half made (a killed run, a lost answer)", () => {
  it("is completed by the resource's `complete` where it has one, and then matches", async () => {
    const completing = makeProvider({
      schema,
      api: {
        ...api,
        async complete(_c, remote, inputs) {
          calls.push("complete");
          store.set(String(remote.key), { ...store.get(String(remote.key)), color: inputs.color });
          return undefined; // look it up again
        },
      },
    });
    store.set("p", { key: "p", size: 1 }); // made without its color
    const inputs = (await completing.check!({}, { key: "p", color: "red", adopt: true })).inputs!;
    const { outs } = await completing.create(inputs);
    expect(calls).toEqual(["read", "complete", "read"]);
    expect(store.get("p")).toMatchObject({ color: "red" });
    expect(outs).toMatchObject({ color: "red", adopted: true });
    expect((await completing.diff!("p", outs, inputs)).changes).toBe(false);
  });

  it("is taken over as it is otherwise: state records the server's value, so the next preview replaces it", async () => {
    store.set("q", { key: "q", size: 1, color: "blue" });
    const inputs = await checked({ key: "q", color: "red", adopt: true });
    const { outs } = await provider.create(inputs);
    expect(outs.color).toBe("blue");
    expect(await provider.diff!("q", outs, inputs)).toMatchObject({ changes: true, replaces: ["color"] });
  });
});

describe("what state holds (docs/design.md, State per resource)", () => {
  it("sends no undeclared field, shows what the server answered for it, and updates only what changed", async () => {
    const inputs = await checked({ key: "s", secret: "pw" });
    expect(inputs).not.toHaveProperty("size");
    const { outs } = await provider.create(inputs);
    expect(store.get("s")).not.toHaveProperty("size"); // not sent: the server applies its own default
    expect(outs).not.toHaveProperty("size"); // the fake answered nothing: no promised default
    expect(outs).not.toHaveProperty("adopted"); // only when true
    expect(outs.__declared).toEqual(["key", "secret"]);
    store.set("s", { ...store.get("s"), size: 1 }); // the server's own default
    const read = await provider.read!("s", outs);
    expect(read.props).toMatchObject({ size: 1 });
    expect(read.inputs).toBeUndefined();
    // Declaring the value the server holds changes nothing; another value does, and only it is sent.
    expect(
      (await provider.diff!("s", read.props!, await checked({ key: "s", secret: "pw", size: 1 }, inputs))).changes,
    ).toBe(false);
    const bigger = await checked({ key: "s", secret: "pw", size: 2, late: 4 }, inputs);
    expect(await provider.diff!("s", read.props!, bigger)).toMatchObject({ changes: true, replaces: [] });
    calls = [];
    const { outs: after } = await provider.update!("s", read.props!, bigger);
    expect(calls).toEqual(["update:key,late,size"]);
    calls = [];
    await provider.update!("s", after!, await checked({ key: "s", secret: "pw", size: 3, late: 4 }, bigger));
    expect(calls).toEqual(["update:key,size"]); // late unchanged: not restated
    expect(store.get("s")).toMatchObject({ size: 3, late: 4 });
  });

  it("a refresh that finds an undeclared field changed shows it as an output, not as drift: nothing is sent", async () => {
    const inputs = await checked({ key: "r", secret: "pw" });
    const { outs } = await provider.create(inputs);
    store.set("r", { ...store.get("r"), size: 7 }); // changed in the console
    const read = await provider.read!("r", outs);
    expect(read.props).toMatchObject({ size: 7 });
    expect(read.inputs).toBeUndefined(); // not an input: nothing to show in the preview
    const again = await checked({ key: "r", secret: "pw" }, inputs);
    expect(again).not.toHaveProperty("size");
    expect((await provider.diff!("r", read.props!, again)).changes).toBe(false);
    calls = [];
    await provider.update!("r", read.props!, { ...again, secret: "pw-2" });
    expect(calls).toEqual(["update:key,secret"]);
    expect(store.get("r")).toMatchObject({ size: 7 });
  });

  it("drops the defaults older state holds from the inputs: no change found, none sent", async () => {
    // State written before this release: every default in the inputs and outputs, `adopted: false`,
    // a UUID claim and a hex fingerprint.
    const oldInputs = { key: "o", size: 1, secret: "pw" };
    const oldOuts = {
      key: "o",
      size: 1,
      adopted: false,
      __claim: "9561c9da-d2f2-4bd7-9a27-47d10e165174",
      __declared: ["key", "size", "secret"],
      __fingerprints: { secret: `${"0".repeat(32)}:${fingerprintHex("pw", "0".repeat(32))}` },
    };
    store.set("o", { key: "o", size: 5 }); // the server moved on
    const now = await checked({ key: "o", secret: "pw" }, oldInputs);
    expect(now).not.toHaveProperty("size"); // not declared: not managed
    expect((await provider.diff!("o", oldOuts, now)).changes).toBe(false);
    const pw2 = await checked({ key: "o", secret: "pw-2" }, oldInputs);
    expect((await provider.diff!("o", oldOuts, pw2)).changes).toBe(true);
    calls = [];
    await provider.update!("o", oldOuts, pw2);
    expect(calls).toEqual(["update:key,secret"]); // the old default is not sent
    expect(store.get("o")).toMatchObject({ size: 5 });
  });
});
