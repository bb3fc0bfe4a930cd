/**
 * A printer for the few TypeScript forms an export writes (`export const x = new clink.T("x", {
 * ... })` with literals, references, named constants, lists and objects), laid out as the
 * repository's prettier config (printWidth 120, double quotes, trailing commas) lays them out,
 * so the written files pass `prettier --check` without prettier at run time (it is a
 * devDependency only; test/cli/export-format.test.ts checks the output with it).
 *
 * The layouts prettier uses for these forms:
 * - an object argument of a call is expanded one property per line when its first property
 *   starts a line (prettier keeps such objects expanded), which is how declarations are written;
 * - other objects and lists are written on one line when that line fits, else one entry per line;
 *   a list of two or more objects that each have two or more properties is always one per line;
 * - a property whose value cannot fit breaks after the colon (strings, `a | b` chains) unless its
 *   key is shorter than 5 columns (prettier then keeps string values on the key's line);
 * - widths count East Asian wide characters as two columns.
 *
 * Characters whose width prettier might count differently (emoji, symbols, combining marks
 * outside Latin) are written as \u escapes: the string is the same, its width is certain.
 */

export type Expr =
  | { t: "str"; v: string }
  | { t: "num"; v: number }
  | { t: "bool"; v: boolean }
  /** A name or member expression, written as is: `agents.agent_1001.cno`, `clink.QueueStrategy.SkillsBased`. */
  | { t: "ref"; text: string }
  /** Flags added up: `clink.JoinEmptyState.Paused | clink.JoinEmptyState.Talking`. */
  | { t: "or"; items: string[] }
  | { t: "arr"; items: Expr[] }
  | { t: "obj"; props: Array<[string, Expr]> };

export const WIDTH = 120;

/** Ranges prettier counts as two columns (East Asian Wide and Fullwidth) that we write as they are. */
const WIDE: Array<[number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x2e99],
  [0x2e9b, 0x2ef3],
  [0x2f00, 0x2fd5],
  [0x3000, 0x303e],
  [0x3041, 0x3096],
  [0x3099, 0x30ff],
  [0x3105, 0x312f],
  [0x3131, 0x318e],
  [0x3190, 0x31e3],
  [0x31f0, 0x321e],
  [0x3220, 0x3247],
  [0x3250, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa48c],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe52],
  [0xfe54, 0xfe66],
  [0xfe68, 0xfe6b],
  [0xff01, 0xff60],
  [0xffe0, 0xffe6],
];
/** One column, certain: Latin, Greek, Cyrillic letters and the common punctuation of Chinese text. */
const NARROW: Array<[number, number]> = [
  [0x20, 0x7e],
  [0xc0, 0x24f],
  [0x370, 0x3ff],
  [0x400, 0x4ff],
  [0x2010, 0x2027],
];

const inRanges = (cp: number, ranges: Array<[number, number]>) => ranges.some(([a, b]) => cp >= a && cp <= b);
const isWide = (cp: number) => inRanges(cp, WIDE);
const isCertain = (cp: number) => isWide(cp) || inRanges(cp, NARROW) || cp === 0xb7;

/** Columns of printed text, as prettier measures it (only certain characters reach here unescaped). */
export function width(text: string): number {
  let w = 0;
  for (const ch of text) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

/**
 * A string literal as prettier writes it: double quotes unless the text holds more double than
 * single quotes; only the enclosing quote and backslashes escaped; control and uncertain-width
 * characters as \u escapes (prettier keeps those as written).
 */
export function quote(value: string): string {
  const doubles = [...value].filter((c) => c === '"').length;
  const singles = [...value].filter((c) => c === "'").length;
  const q = doubles > singles ? "'" : '"';
  let out = q;
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === q) out += `\\${q}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (isCertain(cp)) out += ch;
    else out += cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, "0")}`;
  }
  return out + q;
}

export function flat(e: Expr): string {
  switch (e.t) {
    case "str":
      return quote(e.v);
    case "num":
      return String(e.v);
    case "bool":
      return String(e.v);
    case "ref":
      return e.text;
    case "or":
      return e.items.join(" | ");
    case "arr":
      return `[${e.items.map(flat).join(", ")}]`;
    case "obj":
      return e.props.length === 0 ? "{}" : `{ ${e.props.map(([k, v]) => `${k}: ${flat(v)}`).join(", ")} }`;
  }
}

/** Prettier's rule: a list of 2+ objects (or lists) each with 2+ entries is never written on one line. */
function mustBreak(e: Expr): boolean {
  if (e.t !== "arr" || e.items.length < 2) return false;
  const first = e.items[0]?.t; // two items or more: the first is there
  return e.items.every(
    (i) => i.t === first && ((i.t === "obj" && i.props.length > 1) || (i.t === "arr" && i.items.length > 1)),
  );
}

const pad = (n: number) => " ".repeat(n);

/**
 * The lines of `prefix + value + suffix` at `indent` (prefix is `key: ` or nothing, suffix `,` or
 * `;` or nothing).
 */
export function lines(e: Expr, indent: number, prefix: string, suffix: string): string[] {
  const one = `${pad(indent)}${prefix}${flat(e)}${suffix}`;
  if (!mustBreak(e) && width(one) <= WIDTH) return [one];
  switch (e.t) {
    case "arr":
      if (e.items.length === 0) return [one];
      return [
        `${pad(indent)}${prefix}[`,
        ...e.items.flatMap((i) => lines(i, indent + 2, "", ",")),
        `${pad(indent)}]${suffix}`,
      ];
    case "obj":
      if (e.props.length === 0) return [one];
      return [`${pad(indent)}${prefix}{`, ...props(e.props, indent + 2), `${pad(indent)}}${suffix}`];
    case "or": {
      // Breaks after the colon; the chain then fits on the next line or goes one operand per line.
      if (prefix === "") return [one];
      const head = `${pad(indent)}${prefix.trimEnd()}`;
      const next = `${pad(indent + 2)}${flat(e)}${suffix}`;
      if (width(next) <= WIDTH) return [head, next];
      return [head, ...e.items.map((item, i) => `${pad(indent + 2)}${item}${i < e.items.length - 1 ? " |" : suffix}`)];
    }
    default: {
      // A string or reference that does not fit: after the colon, unless the key is short.
      const key = prefix.replace(/: $/, "");
      if (prefix === "" || width(key) < 5) return [one];
      return [`${pad(indent)}${prefix.trimEnd()}`, `${pad(indent + 2)}${flat(e)}${suffix}`];
    }
  }
}

export function props(entries: Array<[string, Expr]>, indent: number): string[] {
  return entries.flatMap(([k, v]) => lines(v, indent, `${k}: `, ","));
}

/**
 * `export const name = new clink.Type("name", {` + one property per line + `});`; `trailing`:
 * comment lines after the properties (fields the API never reports, commented out).
 */
export function declaration(
  ident: string,
  type: string,
  args: Array<[string, Expr]>,
  comments: string[] = [],
  trailing: string[] = [],
): string {
  return [
    ...comments.map((c) => `// ${c}`),
    `export const ${ident} = new clink.${type}(${quote(ident)}, {`,
    ...props(args, 2),
    ...trailing.map((c) => `  // ${c}`),
    "});",
  ].join("\n");
}

/** A block comment (`/** ... *\/`), each line as given. */
export function docComment(text: string[]): string {
  return ["/**", ...text.map((l) => (l === "" ? " *" : ` * ${l}`)), " */"].join("\n");
}
