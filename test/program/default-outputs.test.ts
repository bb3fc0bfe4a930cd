/**
 * provider/program/clink-resource.ts completeRegistration, in a preview under the SDK's mocks: the
 * state does not store a default nobody declared, and the SDK resolves an output the engine left
 * out as unknown in a preview. A field the declaration leaves out is its documented default once
 * the deployment is done, so its output is known, that default, and still an output of the
 * resource; a declared field shows the engine's value; `get` shows the server's.
 */
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";

let clink: typeof import("../../provider");

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      // As the engine answers in a preview: the checked inputs, which hold no undeclared default;
      // for a read (`get`), the server's object.
      newResource: (args) =>
        args.id
          ? { id: args.id, state: { cno: args.id, name: "legacy", wrapupTime: 7 } }
          : { id: `${args.name}-id`, state: args.inputs },
      call: () => ({}),
    },
    "project",
    "stack",
    true, // a preview
  );
  clink = await import("../../provider");
});

interface Inner {
  isKnown: Promise<boolean>;
  promise(): Promise<unknown>;
  allResources(): Promise<Set<pulumi.Resource>>;
}
const inner = (o: pulumi.Output<unknown>) => o as unknown as Inner;

describe("outputs of documented defaults in a preview", () => {
  it("are known and the default where the declaration leaves the field out, and depend on the resource", async () => {
    const agent = new clink.Client("plain", { cno: "1001", name: "a", areaCode: "010", password: "pw-123456" });
    expect(await inner(agent.wrapupTime).isKnown).toBe(true);
    expect(await inner(agent.wrapupTime).promise()).toBe(30);
    expect([...(await inner(agent.wrapupTime).allResources())]).toContain(agent);
    const queue = new clink.Queue("q", { qno: "0001", name: "q" });
    expect(await inner(queue.wrapupTime).isKnown).toBe(true);
    expect(await inner(queue.wrapupTime).promise()).toBe(15);
  });

  it("are the declared value where the field is declared", async () => {
    const agent = new clink.Client("set", {
      cno: "1002",
      name: "b",
      areaCode: "010",
      password: "pw-123456",
      wrapupTime: 45,
    });
    expect(await inner(agent.wrapupTime).promise()).toBe(45);
  });

  it("are the server's value for a resource read with get", async () => {
    const legacy = clink.Client.get("legacy", "2001");
    expect(await inner(legacy.wrapupTime).promise()).toBe(7);
  });
});
