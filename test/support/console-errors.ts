/**
 * What a step writes to stderr through console.error: the provider's engine-log fallback prints
 * its warnings there when no engine is listening (provider/plugin/engine-log.ts). Free of vitest.
 */
export async function consoleErrors(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void seen.push(args.map(String).join(" "));
  try {
    await run();
  } finally {
    console.error = original;
  }
  return seen;
}
