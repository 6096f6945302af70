import type { BuiltView, BuiltViews, ViewName } from '../ports/BuiltViews.ts';

/**
 * The view of `name` for `version`: the one kept, while `stillGood` says so, else built now and kept for every
 * other reader (a new container, another console), so that thousands of items are read once per version, not
 * once per reader.
 */
export async function keptView<T>(views: BuiltViews, name: ViewName, version: string, now: Date, build: () => Promise<T>, stillGood: (view: BuiltView<T>) => boolean = () => true): Promise<BuiltView<T>> {
  const kept = await views.getView<T>(name, version);
  if (kept && stillGood(kept)) return kept;
  const view = { value: await build(), builtAt: now.toISOString() };
  await views.putView(name, version, view);
  return view;
}
