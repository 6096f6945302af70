// Replaces `axios` in Lambda bundles (see lib/bundling/bundlingOptions.ts) with axios itself, loaded while
// the fetch API is out of sight. At import, axios probes the fetch API (its fetch adapter builds a Request to
// test stream support; its utils keep the global FormData), and touching any of those globals makes Node
// load its bundled undici: 13 ms of the poller's cold start (npm run bench:bundles). The weather providers
// send with axios's http adapter, which axios picks before fetch in Node, and send no form data, so the
// probes' answers are never used. Here they find no fetch API; the globals are put back as they were as
// soon as axios has loaded. Code that touches fetch later still gets it (and pays for undici then).
import './hideFetchApi.mjs';
import axios from '../../node_modules/axios/index.js';
import './restoreFetchApi.mjs';

export * from '../../node_modules/axios/index.js';
export default axios;
