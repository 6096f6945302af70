#!/usr/bin/env node
// `npx snowops …`: registers tsx so the TypeScript CLI runs without a build step.
import { register } from 'tsx/esm/api';

// Lambda runs Node 22; a workstation on Node 20 would get the SDK's end-of-support warning on every command.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
await import('./main.ts');
