/**
 * Wraps an object so that the named methods are replaced and every other property is the original's,
 * bound to it: a port gains a method on another branch and the wrapper still passes it through.
 */
export function decorate<T extends object>(inner: T, overrides: Partial<T>): T {
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (Object.hasOwn(overrides, property)) return Reflect.get(overrides, property, receiver);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
