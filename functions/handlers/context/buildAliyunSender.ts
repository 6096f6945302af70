import { AliyunSmsSender } from '../../adapters/sms/aliyun/AliyunSmsSender.ts';
import { dysmsapiClient } from '../../adapters/sms/aliyun/dysmsapiClient.ts';
import { parseEnv } from '../../config/env.ts';
import * as z from '../../config/zod.ts';

/** The Alibaba Cloud SMS settings of a stage whose SMS provider is aliyun (lib/messaging/SmsSettings.ts sets them). */
const aliyunEnvSchema = /* @__PURE__ */ (() => z.object({
  SMS_SIGNATURE: z.string().check(z.minLength(2)),
  ALIYUN_ACCESS_KEY_ID: z.string().check(z.minLength(1)),
  ALIYUN_ACCESS_KEY_SECRET: z.string().check(z.minLength(1)),
  /** JSON: { "<template>.<language>": "SMS_…" }, the TemplateCode of each registered template. */
  ALIYUN_TEMPLATE_CODES: z.string().check(z.refine((text) => {
    try {
      const codes = JSON.parse(text) as unknown;
      return typeof codes === 'object' && codes !== null && Object.values(codes).every((c) => typeof c === 'string');
    } catch {
      return false;
    }
  }, 'must be a JSON object of template keys to TemplateCodes')),
  ALIYUN_SMS_ENDPOINT: z._default(z.string(), 'dysmsapi.aliyuncs.com'),
}))();

/** The Alibaba Cloud SMS sender, from the Lambda's environment (parsed once, failing with the variable's name). */
export function buildAliyunSender(env: Record<string, string | undefined> = process.env): AliyunSmsSender {
  const settings = parseEnv(aliyunEnvSchema, env);
  const client = dysmsapiClient({ accessKeyId: settings.ALIYUN_ACCESS_KEY_ID, accessKeySecret: settings.ALIYUN_ACCESS_KEY_SECRET, endpoint: settings.ALIYUN_SMS_ENDPOINT });
  return new AliyunSmsSender(client, { signName: settings.SMS_SIGNATURE, templateCodes: JSON.parse(settings.ALIYUN_TEMPLATE_CODES) as Record<string, string> });
}
