import Dysmsapi from '@alicloud/dysmsapi20170525';
import { $OpenApiUtil } from '@alicloud/openapi-core';

export interface DysmsapiClientOptions {
  accessKeyId: string;
  accessKeySecret: string;
  /** dysmsapi.aliyuncs.com by default; host:port of a local endpoint in tests. */
  endpoint?: string;
  protocol?: 'https' | 'http';
  /** Per request (ms): a mainland SMS is asked for a timeout of 1 s or more. */
  timeoutMs?: number;
}

type DysmsapiClass = typeof Dysmsapi.default;
export type DysmsapiClient = InstanceType<DysmsapiClass>;
// A CommonJS package: Node's ESM loader gives module.exports as the default import, a bundler or vitest the class itself.
const DysmsapiClient: DysmsapiClass = (Dysmsapi as unknown as { default?: DysmsapiClass }).default ?? (Dysmsapi as unknown as DysmsapiClass);

/** The official SDK's client: ACS3-HMAC-SHA256 signed requests, one try per call (the dispatcher retries). */
export function dysmsapiClient(options: DysmsapiClientOptions): DysmsapiClient {
  return new DysmsapiClient(new $OpenApiUtil.Config({
    accessKeyId: options.accessKeyId,
    accessKeySecret: options.accessKeySecret,
    endpoint: options.endpoint ?? 'dysmsapi.aliyuncs.com',
    protocol: options.protocol ?? 'https',
    regionId: 'cn-hangzhou',
    connectTimeout: options.timeoutMs ?? 3000,
    readTimeout: options.timeoutMs ?? 3000,
  }));
}
