// Replaces the npm `semver` package in Lambda bundles (see lib/bundling/bundlingOptions.ts). Its one user
// there is aws-xray-sdk-core (under Powertools Tracer), whose AWS SDK v2 patcher checks `semver.gte(AWS.VERSION,
// ...)` in captureAWS, which snowops never calls (SDK v3 clients go through captureAWSv3Client). The whole
// package is 28 KB of the bundle and builds some forty regular expressions at load (npm run bench:bundles);
// this keeps `gte` for plain x.y.z versions and refuses anything else loudly.
function parts(version) {
  const m = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(String(version));
  if (!m) throw new Error(`semver is not bundled (lib/bundling/semverGte.mjs): cannot compare '${version}'`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function gte(a, b) {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return true;
}

export default { gte };
