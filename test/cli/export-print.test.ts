/**
 * The exporter writes its code without prettier (a devDependency only), laid out as prettier
 * lays it out: each case here is printed by cli/export/print.ts and must be what prettier, with
 * the repository's config, leaves unchanged.
 */
import * as path from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { declaration, quote, width, type Expr } from "../../cli/export/print";
import { hintOf, toExpr } from "../../cli/export/declare";
import { queueSchema } from "../../provider/resources/queue/schema";
import { present } from "../support/present";

const root = path.resolve(__dirname, "..", "..");

async function formatted(source: string): Promise<string> {
  const config = (await prettier.resolveConfig(path.join(root, "x.ts"))) ?? {};
  return prettier.format(source, { ...config, parser: "typescript" });
}

const joinEmpty = present(queueSchema.fields.joinEmpty, "the queue field joinEmpty");
const str = (v: string): Expr => ({ t: "str", v });
const num = (v: number): Expr => ({ t: "num", v });
const ref = (text: string): Expr => ({ t: "ref", text });
const member = (i: number): Expr => ({
  t: "obj",
  props: [
    ["cno", ref(`agents.agent_${1000 + i}.cno`)],
    ["penalty", num(1)],
  ],
});

const CASES: Record<string, Array<[string, Expr]>> = {
  "short values": [
    ["cno", str("1001")],
    ["name", str("座席一号")],
    ["permission", { t: "obj", props: [["record", num(1)]] }],
    ["cloudNumberModes", { t: "arr", items: [num(0), num(0), num(0), num(2)] }],
    ["adopt", { t: "bool", v: true }],
  ],
  "one member, several members (always one per line), none": [
    ["members", { t: "arr", items: [member(1)] }],
    ["members", { t: "arr", items: [member(1), member(2), member(3)] }],
    ["members", { t: "arr", items: [] }],
  ],
  "a long string breaks after a long key, never after a short one": [
    ["description", str("这是一个很长的描述".repeat(11))],
    ["description", str("x".repeat(102))],
    ["description", str("x".repeat(103))],
    ["descr", str("这是一个很长的描述".repeat(6))],
    ["descr", str("这是一个很长的描述".repeat(6) + "x")],
    ["tel", str("1".repeat(130))],
  ],
  "a list that does not fit goes one element per line": [
    ["selectedTels", { t: "arr", items: Array.from({ length: 12 }, (_, i) => str(`010891935${40 + i}`)) }],
    ["clid", { t: "arr", items: Array.from({ length: 8 }, (_, i) => str(`0108919354${i}`)) }],
  ],
  "flags added up: on the key's line, after it, or one per line": [
    ["joinEmpty", toExpr(3, hintOf(joinEmpty.schema))],
    ["joinEmpty", toExpr(31, hintOf(joinEmpty.schema))],
    [
      "joinEmpty",
      {
        t: "or",
        items: [
          "clink.JoinEmptyState.AAAAAAAAAAAAAAAAAAAAAA",
          "clink.JoinEmptyState.BBBBBBBBBBBBBBBBBBBBB",
          "clink.X.Y",
        ],
      },
    ],
  ],
  "quotes, escapes and characters of uncertain width": [
    ["a", str('say "hi"')],
    ["b", str("it's")],
    ["c", str(`'"'"`)],
    ["d", str("back\\slash\nnew line\ttab")],
    ["e", str("表情😀符号©字")],
    ["f", str("全角（括号）：；，。！？")],
    ["g", str("e\u0301 combining")],
  ],
  "an object that does not fit": [
    [
      "permission",
      {
        t: "obj",
        props: ["asr", "call", "cdr", "recordDownload", "sms", "record", "chat", "transfer", "otherData"].map(
          (k): [string, Expr] => [k, num(2)],
        ),
      },
    ],
    ["deep", { t: "arr", items: [{ t: "obj", props: [["cno", str("9".repeat(100))]] }] }],
  ],
};

describe("the export's code layout", () => {
  for (const [name, args] of Object.entries(CASES))
    it(`is prettier's: ${name}`, async () => {
      const source =
        'import * as clink from "pulumi-clink";\n\n' + declaration("queue_0001", "Queue", args, ["a note"]) + "\n";
      expect(await formatted(source)).toBe(source);
    });

  it("keeps declarations on one first line for the longest names it makes", async () => {
    const ident = `group_${"号".repeat(10)}_abcdef`;
    expect(width(ident)).toBeLessThanOrEqual(34);
    const source =
      'import * as clink from "pulumi-clink";\n\n' +
      declaration(ident, "RestrictTelSetting", [["name", str("号".repeat(30))]]) +
      "\n";
    expect(await formatted(source)).toBe(source);
  });

  it("writes the same string value it was given", () => {
    for (const v of ['say "hi"', "it's", "表情😀符号©字", "back\\slash\nnew", "\u2028", "e\u0301"])
      expect(eval(quote(v))).toBe(v);
  });
});
