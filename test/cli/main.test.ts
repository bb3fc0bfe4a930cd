/** The `pulumi-clink` command line: its table of commands, usage, exit codes and error messages. */
import { describe, expect, it } from "vitest";
import { main } from "../../cli/main";
import type { Io } from "../../cli/command";
import { log, queue, step } from "./events";
import { present } from "../support/present";

function io(files: Record<string, string> = {}, stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const streams: Io = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (p) => {
      if (!(p in files))
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: "ENOENT" });
      return present(files[p], `the file ${p}`);
    },
    readStdin: async () => stdin,
  };
  return { streams, out: () => out.join(""), err: () => err.join("") };
}

const events = log(step("update", "Queue", "q", queue("0001", "a"), queue("0001", "b")));

describe("pulumi-clink", () => {
  it("prints its usage on --help (exit 0), and on no or an unknown command (exit 2)", async () => {
    const help = io();
    expect(await main(["--help"], help.streams)).toBe(0);
    expect(help.out()).toMatch(/^usage: pulumi-clink COMMAND/);
    expect(help.out()).toMatch(/\n {2}review {2}summarize the changes/);
    const none = io();
    expect(await main([], none.streams)).toBe(2);
    expect(none.err()).toMatch(/^usage: pulumi-clink COMMAND/);
    const unknown = io();
    expect(await main(["expor"], unknown.streams)).toBe(2);
    expect(unknown.err()).toMatch(/^pulumi-clink: unknown command 'expor'\n\nusage:/);
    expect(unknown.out()).toBe("");
  });

  it("review: a file or standard input to Markdown on standard output", async () => {
    const file = io({ "events.json": events });
    expect(await main(["review", "events.json"], file.streams)).toBe(0);
    expect(file.out()).toContain("  - Queue name (队列名称): a → b\n");
    expect(file.err()).toBe("");
    const stdin = io({}, events);
    expect(await main(["review", "--title", "Preview of prod", "-"], stdin.streams)).toBe(0);
    expect(stdin.out()).toMatch(/^### Preview of prod: 1 object changes, 0 unchanged\n/);
  });

  it("review: usage errors exit 2 with the command's usage, failures exit 1 with one clear line", async () => {
    for (const args of [
      ["review"],
      ["review", "a", "b"],
      ["review", "--nope", "a"],
      ["review", "--max-chars", "ten", "a"],
    ]) {
      const r = io();
      expect(await main(args, r.streams), args.join(" ")).toBe(2);
      expect(r.err()).toMatch(/^pulumi-clink review: .+\n\nusage: pulumi-clink review /);
    }
    const missing = io();
    expect(await main(["review", "gone.json"], missing.streams)).toBe(1);
    expect(missing.err()).toBe("pulumi-clink review: cannot read gone.json: no such file\n");
    const junk = io({ "notes.txt": "hello\nworld\n" });
    expect(await main(["review", "notes.txt"], junk.streams)).toBe(1);
    expect(junk.err()).toBe(
      "pulumi-clink review: notes.txt: line 1 is not JSON: not an engine event log (pulumi preview --event-log FILE)\n",
    );
    expect(junk.err()).not.toMatch(/\n\s+at /); // no stack trace
  });
});
