/**
 * A tiny Clink-like server for client tests. It checks signatures with its own reading of doc
 * 2.1.3 (encodeURIComponent patched to the java.net.URLEncoder rules) and answers whatever the
 * test scripts.
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Seen {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  at: number;
  signature: string;
  signatureOk: boolean;
  headers: Record<string, string | string[] | undefined>;
}

export type Script = (req: Seen, res: ServerResponse, n: number) => void | "hang" | "drop";

const encode = (s: string) =>
  encodeURIComponent(s)
    .replace(/[!'()~]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, "+");

export function json(res: ServerResponse, status: number, body: Record<string, unknown>) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ requestId: `req-${Math.random().toString(16).slice(2, 10)}`, ...body }));
}

export async function testServer(secret: string, script: Script) {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const [rawPath = "", rawQuery = ""] = (req.url ?? "").split("?");
      const pairs = rawQuery
        .split("&")
        .filter(Boolean)
        .map((p) => p.split("=").map((x) => decodeURIComponent(x.replace(/\+/g, " "))) as [string, string]);
      const query = Object.fromEntries(pairs);
      const toSign =
        req.method! +
        req.headers.host +
        rawPath.replace(/\/$/, "") +
        "?" +
        pairs
          .filter(([k]) => k !== "Signature")
          .map(([k, v]): [string, string] => [encode(k), encode(v)])
          .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
          .map(([k, v]) => `${k}=${v}`)
          .join("&");
      const expected = createHmac("sha1", secret).update(toSign).digest("base64");
      const text = Buffer.concat(chunks).toString("utf8");
      const entry: Seen = {
        method: req.method!,
        path: rawPath,
        query,
        body: text ? JSON.parse(text) : undefined,
        at: Date.now(),
        signature: query.Signature ?? "",
        signatureOk: query.Signature === expected,
        headers: req.headers,
      };
      seen.push(entry);
      const r = script(entry, res, seen.length);
      if (r === "drop") req.socket.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
