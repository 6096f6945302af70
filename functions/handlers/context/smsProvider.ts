import type { SmsSender } from '../../core/ports/SmsSender.ts';

/**
 * The stage's SMS provider. The stack fixes SNOWOPS_SMS_PROVIDER at bundle time (esbuild define, lib/bundling),
 * so that an SNS stage's bundles hold no Alibaba Cloud SDK and an aliyun stage's load it here, once.
 */
export const SMS_PROVIDER: 'sns' | 'aliyun' = process.env.SNOWOPS_SMS_PROVIDER === 'aliyun' ? 'aliyun' : 'sns';

/** The Alibaba Cloud sender when the stage uses it; undefined for SNS. */
export const aliyunSender: SmsSender | undefined = process.env.SNOWOPS_SMS_PROVIDER === 'aliyun'
  ? await (await import('./buildAliyunSender.ts')).buildAliyunSender()
  : undefined;
