// Replaces the npm `debug` package in Lambda bundles (see lib/bundling/bundlingOptions.ts). Its users there
// (follow-redirects and the proxy agents under axios) print their internals only when the DEBUG environment
// variable names them, which no snowops Lambda sets; follow-redirects treats the package as optional and
// falls back to the same no-op. Dropping it takes debug, supports-color and ms (10 KB) out of the poller.
// CommonJS, as `debug` itself is: httpx (under the Alibaba Cloud SDK) calls require('debug')('httpx:body') at import,
// and an ES module's require() would hand it the module namespace, not the function.
function createDebug() {
  const log = () => {};
  log.enabled = false;
  log.extend = createDebug;
  return log;
}
createDebug.enabled = () => false;
createDebug.enable = () => {};
createDebug.disable = () => '';

module.exports = createDebug;
