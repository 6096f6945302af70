/** The floor of bench/bundles.ts: a handler that imports nothing, bundled like every other. */
export const handler = async (): Promise<void> => {};
