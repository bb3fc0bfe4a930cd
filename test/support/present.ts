/**
 * The value, or a thrown error naming what was missing: for indexed reads a test relies on (an
 * element of a captured request list, a field of a schema) under noUncheckedIndexedAccess, so a
 * missing one fails the test with a clear message instead of a TypeError further down. Free of vitest.
 */
export function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`test expected ${what}, found none`);
  return value;
}
