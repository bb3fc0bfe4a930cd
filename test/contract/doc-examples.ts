/**
 * Every example answer (返回示例) of the vendor document's section 3, extracted from its text
 * (test/fixtures/clink-api-section3.txt, verbatim), never retyped: the section number, the
 * endpoint path and the parsed JSON.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export interface DocExample {
  /** e.g. "3.1.5" */
  section: string;
  /** e.g. "/cc/describe_client" */
  path: string;
  /** Line in the fixture where 返回示例 stands. */
  line: number;
  json: Record<string, unknown>;
}

export const DOC_FIXTURE = path.join(__dirname, "..", "fixtures", "clink-api-section3.txt");

/** The balanced `{...}` that starts at or after `from` (strings and escapes respected). */
function jsonAt(text: string, from: number): string {
  const start = text.indexOf("{", from);
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === "\\") escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error(`unbalanced example at offset ${start}`);
}

/** Where a line of the fixture stands: its section, the section's endpoint, its text offset. */
interface Place {
  section: string;
  path: string;
  text: string;
  lines: string[];
  offsets: number[];
}

/** Walks the fixture line by line, knowing each line's section (3.x.y) and that section's endpoint. */
function walkSections(file: string, visit: (line: string, i: number, at: Place) => void): void {
  const text = fs.readFileSync(file, "utf8");
  const lines = text.split("\n");
  const offsets: number[] = [];
  let at = 0;
  for (const l of lines) {
    offsets.push(at);
    at += l.length + 1;
  }
  let section = "";
  let endpoint = "";
  lines.forEach((line, i) => {
    const heading = /^(3\.\d+\.\d+)\. /.exec(line);
    if (heading) {
      section = heading[1]!; // the group always takes part in a match
      endpoint = "";
    }
    const p = /(?:GET|POST)?\s*(\/cc\/[A-Za-z_]+)/.exec(line);
    if (p && !endpoint && section) endpoint = p[1]!;
    visit(line, i, { section, path: endpoint, text, lines, offsets });
  });
}

export function docExamples(file = DOC_FIXTURE): DocExample[] {
  const out: DocExample[] = [];
  walkSections(file, (line, i, { section, path, text, offsets }) => {
    if (line.trim().startsWith("返回示例"))
      out.push({ section, path, line: i + 1, json: JSON.parse(jsonAt(text, offsets[i]!)) as Record<string, unknown> });
  });
  return out;
}

/** A request example (请求示例) of section 3: the POST body, or the query lines of one written as a URL. */
export interface DocRequest {
  section: string;
  path: string;
  line: number;
  params: Record<string, unknown>;
}

/**
 * Every request example of section 3 that carries parameters: a JSON body after 请求示例, or
 * `&name=value` lines (create_exten's and update_exten's examples put the fields in the URL).
 * Query values stay strings, as a URL carries them.
 */
export function docRequests(file = DOC_FIXTURE): DocRequest[] {
  const out: DocRequest[] = [];
  walkSections(file, (line, i, { section, path, text, lines, offsets }) => {
    if (!line.trim().startsWith("请求示例")) return;
    let end = i + 1;
    while (end < lines.length && !lines[end]!.trim().startsWith("返回示例")) end++;
    const block = lines.slice(i + 1, end);
    const brace = block.findIndex((l) => l.trim().startsWith("{"));
    if (brace >= 0) {
      const raw = jsonAt(text, offsets[i + 1 + brace]!);
      out.push({ section, path, line: i + 1, params: JSON.parse(raw) as Record<string, unknown> });
      return;
    }
    const params: Record<string, unknown> = {};
    for (const l of block) {
      const m = /^&([A-Za-z]+)=(.*)$/.exec(l.trim());
      if (m) params[m[1]!] = m[2];
    }
    if (Object.keys(params).length > 0) out.push({ section, path, line: i + 1, params });
  });
  return out;
}
