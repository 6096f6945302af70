// See axiosWithoutFetchProbe.mjs: evaluated just after axios, puts the fetch API's globals back as they were.
import { hiddenFetchApi } from './hideFetchApi.mjs';

for (const [name, descriptor] of hiddenFetchApi) {
  if (descriptor?.configurable) Object.defineProperty(globalThis, name, descriptor);
}
