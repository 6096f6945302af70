// Replaces @aws-sdk/credential-provider-node, the SDK's default credential chain, in Lambda bundles
// (see lib/bundling/bundlingOptions.ts). Lambda hands every function its role's credentials in
// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, the chain's first link, so its other
// links (SSO, INI files, credential processes, web identity, container and instance metadata) can never
// run there; they are 120 KB of the bundle and a seventh of its import time (npm run bench:bundles).
// Tests and the local runtime import the SDK unbundled and keep the whole chain.
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init = {}) => fromEnv(init);
