import { AliyunSmsSender } from '../../adapters/sms/aliyun/AliyunSmsSender.ts';
import { dysmsapiClient } from '../../adapters/sms/aliyun/dysmsapiClient.ts';
import { readSecretString, SecretUnusableError } from '../../adapters/secrets/readSecretString.ts';
import { ACCESS_KEY_PLACEHOLDER } from '../../config/aliyunAccessKeyPlaceholder.ts';
import { parseEnv } from '../../config/env.ts';
import * as z from '../../config/zod.ts';

/** The Alibaba Cloud SMS settings of a stage whose SMS provider is aliyun (lib/messaging/SmsSettings.ts sets them). */
const aliyunEnvSchema = /* @__PURE__ */ (() => z.object({
  SMS_SIGNATURE: z.string().check(z.minLength(2)),
  /** Deployed: the Secrets Manager secret holding the RAM user's AccessKey as JSON { accessKeyId, accessKeySecret }. */
  ALIYUN_ACCESS_KEY_SECRET_ARN: z.optional(z.string().check(z.minLength(1))),
  /** Locally (npm start -- --sms aliyun, the tests): the AccessKey itself. */
  ALIYUN_ACCESS_KEY_ID: z.optional(z.string().check(z.minLength(1))),
  ALIYUN_ACCESS_KEY_SECRET: z.optional(z.string().check(z.minLength(1))),
  /** JSON: { "<template>.<language>": "SMS_…" }, the TemplateCode of each registered template. */
  ALIYUN_TEMPLATE_CODES: z.string().check(z.refine((text) => {
    try {
      const codes = JSON.parse(text) as unknown;
      return typeof codes === 'object' && codes !== null && Object.values(codes).every((c) => typeof c === 'string');
    } catch {
      return false;
    }
  }, 'must be a JSON object of template keys to TemplateCodes')),
  /** A host (HTTPS), or a URL with its scheme: http://127.0.0.1:<port> for the local endpoint answering like Dysmsapi. */
  ALIYUN_SMS_ENDPOINT: z._default(z.string().check(z.minLength(1)), 'dysmsapi.aliyuncs.com'),
}))();

const accessKeySchema = /* @__PURE__ */ (() => z.object({ accessKeyId: z.string().check(z.minLength(1)), accessKeySecret: z.string().check(z.minLength(1)) }))();


interface AccessKey { accessKeyId: string; accessKeySecret: string }

async function accessKey(settings: z.infer<typeof aliyunEnvSchema>, readSecret: (id: string) => Promise<string>): Promise<AccessKey> {
  if (settings.ALIYUN_ACCESS_KEY_SECRET_ARN) {
    const arn = settings.ALIYUN_ACCESS_KEY_SECRET_ARN;
    let json: unknown;
    try {
      json = JSON.parse(await readSecret(arn));
    } catch (error) {
      if (error instanceof SyntaxError) throw new SecretUnusableError(`secret ${arn} (ALIYUN_ACCESS_KEY_SECRET_ARN) is not JSON; it must be {"accessKeyId": "LTAI…", "accessKeySecret": "…"}`);
      throw error;
    }
    const parsed = accessKeySchema.safeParse(json);
    if (!parsed.success) throw new SecretUnusableError(`secret ${arn} (ALIYUN_ACCESS_KEY_SECRET_ARN) must be {"accessKeyId": "LTAI…", "accessKeySecret": "…"}`);
    if (parsed.data.accessKeyId === ACCESS_KEY_PLACEHOLDER) throw new SecretUnusableError(`secret ${arn} (ALIYUN_ACCESS_KEY_SECRET_ARN) still holds the placeholder the stack created: put the RAM user's AccessKey in it (README, China deploy)`);
    return parsed.data;
  }
  if (settings.ALIYUN_ACCESS_KEY_ID && settings.ALIYUN_ACCESS_KEY_SECRET) return { accessKeyId: settings.ALIYUN_ACCESS_KEY_ID, accessKeySecret: settings.ALIYUN_ACCESS_KEY_SECRET };
  throw new Error('invalid configuration: ALIYUN_ACCESS_KEY_SECRET_ARN: required (or ALIYUN_ACCESS_KEY_ID and ALIYUN_ACCESS_KEY_SECRET, locally)');
}

/**
 * The Alibaba Cloud SMS sender, from the Lambda's environment (parsed once, failing with the variable's name) and,
 * deployed, the AccessKey read once from Secrets Manager.
 */
export async function buildAliyunSender(env: Record<string, string | undefined> = process.env, readSecret: (id: string) => Promise<string> = (id) => readSecretString(id)): Promise<AliyunSmsSender> {
  const settings = parseEnv(aliyunEnvSchema, env);
  const key = await accessKey(settings, readSecret);
  const url = /^(https?):\/\/([^/]+)\/?$/.exec(settings.ALIYUN_SMS_ENDPOINT);
  const client = dysmsapiClient({ ...key, endpoint: url ? url[2]! : settings.ALIYUN_SMS_ENDPOINT, protocol: url?.[1] === 'http' ? 'http' : 'https' });
  return new AliyunSmsSender(client, { signName: settings.SMS_SIGNATURE, templateCodes: JSON.parse(settings.ALIYUN_TEMPLATE_CODES) as Record<string, string> });
}
