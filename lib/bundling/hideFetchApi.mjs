// See axiosWithoutFetchProbe.mjs: evaluated just before axios, hides the fetch API's lazy globals.
export const hiddenFetchApi = ['fetch', 'Request', 'Response', 'Headers', 'FormData'].map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]);

for (const [name, descriptor] of hiddenFetchApi) {
  if (descriptor?.configurable) Object.defineProperty(globalThis, name, { value: undefined, configurable: true, writable: true });
}
