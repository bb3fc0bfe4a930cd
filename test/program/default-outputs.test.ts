/**
 * provider/program/clink-resource.ts completeRegistration, in a preview under the SDK's mocks: an
 * undeclared field is not managed (issue 23), so its output is what the server holds, never a
 * documented default filled in by the class: unknown in the preview of a create (the SDK resolves
 * an output the engine left out as unknown), the declared value where declared, and the server's
 * value for `get`.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { mockedProgram } from "./mocks";

// As the engine answers in a preview: the checked inputs, which hold no undeclared default; for a
// read (`get`), the server's object.
const { clink } = mockedProgram({ preview: true, read: (id) => ({ cno: id, name: "legacy", wrapupTime: 7 }) });

interface Inner {
  isKnown: Promise<boolean>;
  promise(): Promise<unknown>;
  allResources(): Promise<Set<pulumi.Resource>>;
}
const isInner = (o: object): o is Inner => "isKnown" in o && "promise" in o && "allResources" in o;
const inner = (o: pulumi.Output<unknown>): Inner => {
  if (!isInner(o)) throw new Error("this @pulumi/pulumi's Output no longer has isKnown, promise() and allResources()");
  return o;
};

describe("outputs of undeclared fields in a preview", () => {
  it("are not a promised default where the declaration leaves the field out: unknown until the server answers", async () => {
    const agent = new clink.Client("plain", { cno: "1001", name: "a", areaCode: "010", password: "pw-123456" });
    expect(await inner(agent.wrapupTime).isKnown).toBe(false);
    expect([...(await inner(agent.wrapupTime).allResources())]).toContain(agent);
    const queue = new clink.Queue("q", { qno: "0001", name: "q" });
    expect(await inner(queue.wrapupTime).isKnown).toBe(false);
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
