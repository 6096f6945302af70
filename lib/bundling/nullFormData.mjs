// Replaces the npm `form-data` package in Lambda bundles (see lib/bundling/bundlingOptions.ts).
// axios imports form-data (and through it mime-types and the 130 KB mime-db) only to build multipart
// bodies; axios's own browser build maps it to null the same way, and then falls back to the global
// FormData, which Node 22 has. snowops sends no multipart requests.
export default null;
