/**
 * The last answer a route built for a version, kept by the container (a Lambda's module scope, the local
 * server's process): after a change, every console polling this container shares one read of it instead
 * of one each. One entry; a build for the same key already under way is shared too.
 */
export class VersionMemo<T> {
  private held: { key: string; value: Promise<T>; builtAt: number } | undefined;

  /** The value for `key`: the held one while `stillGood` says so, else a fresh build. */
  get(key: string, now: number, build: () => Promise<T>, stillGood: (value: T, builtAt: number) => boolean = () => true): Promise<T> {
    const held = this.held;
    if (held?.key === key) {
      return held.value.then((value) => (stillGood(value, held.builtAt) ? value : this.rebuild(key, now, build)), () => this.rebuild(key, now, build));
    }
    return this.rebuild(key, now, build);
  }

  private rebuild(key: string, now: number, build: () => Promise<T>): Promise<T> {
    const value = build();
    const entry = { key, value, builtAt: now };
    this.held = entry;
    value.catch(() => { if (this.held === entry) this.held = undefined; });
    return value;
  }
}

/** One memo per API (its deps): two APIs in one process (tests, benches) never share answers. */
export function memoPer<T>(): (owner: object) => VersionMemo<T> {
  const memos = new WeakMap<object, VersionMemo<T>>();
  return (owner) => {
    let memo = memos.get(owner);
    if (!memo) memos.set(owner, (memo = new VersionMemo<T>()));
    return memo;
  };
}
