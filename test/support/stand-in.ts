/**
 * A stand-in for an object a test file's beforeAll makes: it forwards every property to the object
 * when used, so helpers that register the hooks can return it for destructuring at the top of a
 * file. Free of vitest.
 */
export function standIn<T extends object>(target: () => T, options: { bind?: boolean } = {}): T {
  return new Proxy({} as T, {
    get(_, key) {
      const t = target();
      const value = Reflect.get(t, key, t);
      // Methods of a class instance (a ClinkClient) need their own `this`; a module's classes do not
      // want binding (a bound class loses its statics, e.g. Queue.get).
      return options.bind && typeof value === "function" ? value.bind(t) : value;
    },
    has: (_, key) => Reflect.has(target(), key),
  });
}
