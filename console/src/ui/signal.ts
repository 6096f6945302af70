import { useEffect, useState } from 'preact/hooks';

/** A value components re-render on (the language, the session): a few lines instead of a state library. */
export interface Signal<T> {
  get(): T;
  set(value: T): void;
  use(): T;
}

export function signal<T>(initial: T): Signal<T> {
  let value = initial;
  const listeners = new Set<(v: T) => void>();
  return {
    get: () => value,
    set: (v) => { value = v; for (const l of listeners) l(v); },
    use() {
      const [, bump] = useState(0);
      useEffect(() => {
        const l = () => bump((n) => n + 1);
        listeners.add(l);
        return () => { listeners.delete(l); };
      }, []);
      return value;
    },
  };
}
