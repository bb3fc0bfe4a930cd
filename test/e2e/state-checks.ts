/**
 * What must hold of every stack's state (docs/design.md, "The serialized provider" and
 * "Credentials"): secrets never in clear at rest, every secret value in the exported deployment
 * marked secret, and every serialized `__provider` small and free of credentials.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "vitest";
import type * as Automation from "@pulumi/pulumi/automation";

const SECRET_SIG = "4dabf18193072939515e22adb298388d";

export async function checkExportedState(
  stack: Automation.Stack,
  options: { secrets: string[]; backendDir?: string },
): Promise<void> {
  // exportStack() decrypts (the Automation API exports with --show-secrets): every occurrence of a
  // secret must sit inside a secret envelope, i.e. be stored encrypted.
  const deployment = await stack.exportStack();
  const leaks: string[] = [];
  walk(deployment.deployment, "", (value, where, insideSecret) => {
    if (typeof value !== "string" || insideSecret) return;
    for (const secret of options.secrets) if (value.includes(secret)) leaks.push(where);
  });
  expect(leaks, "secret values stored outside a secret envelope").toEqual([]);

  const resources = (deployment.deployment.resources ?? []) as Array<{
    type: string;
    outputs?: Record<string, unknown>;
  }>;
  const dynamic = resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/clink:"));
  expect(dynamic.length).toBeGreaterThan(0);
  for (const r of dynamic) {
    const provider = r.outputs?.__provider;
    expect(typeof provider, `${r.type} __provider`).toBe("string");
    // Ours is one line (provider/program/registration.ts); only a resource no release since 0.1.0
    // has updated still holds the closure serializer's 2.3 KB.
    expect((provider as string).length, `${r.type} __provider size`).toBeLessThan(128);
    expect(provider as string).toContain('require("pulumi-clink/runtime")');
    for (const secret of options.secrets) expect(provider as string).not.toContain(secret);
  }

  // At rest: the backend's files never hold a secret in clear.
  if (options.backendDir) {
    for (const file of listFiles(options.backendDir)) {
      const text = fs.readFileSync(file, "utf8");
      for (const secret of options.secrets)
        expect(text.includes(secret), `${file} holds a secret in clear`).toBe(false);
    }
  }
}

function walk(
  value: unknown,
  where: string,
  visit: (v: unknown, where: string, insideSecret: boolean) => void,
  insideSecret = false,
): void {
  visit(value, where, insideSecret);
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`, visit, insideSecret));
  else if (value && typeof value === "object") {
    const secret = insideSecret || (value as Record<string, unknown>)[SECRET_SIG] !== undefined;
    for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`, visit, secret);
  }
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  });
}
