import { afterEach, describe, expect, it } from 'vitest';
import { readSecretString, SecretUnusableError } from '../../../functions/adapters/secrets/readSecretString.ts';
import { renderTasking } from '../../../functions/core/messages/renderTasking.ts';
import { ACCESS_KEY_PLACEHOLDER } from '../../../functions/config/aliyunAccessKeyPlaceholder.ts';
import { buildAliyunSender } from '../../../functions/handlers/context/buildAliyunSender.ts';
import { startDysmsapiServer, type DysmsapiServer } from '../../../local/aliyun/startDysmsapiServer.ts';
import { startLocalSecretsManager, type LocalSecretsManager } from '../../support/localSecretsManager.ts';
import { aTask } from '../../support/builders/task.ts';

const ARN = 'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:snowops-cn-AliyunAccessKey-AbCdEf';
const KEY = { accessKeyId: 'LTAI-from-the-secret', accessKeySecret: 'secret-from-secrets-manager' };
let secrets: LocalSecretsManager | undefined;
let dysmsapi: DysmsapiServer | undefined;

afterEach(async () => {
  await secrets?.close();
  await dysmsapi?.close();
  secrets = undefined;
  dysmsapi = undefined;
});

async function world(secretValue: string) {
  secrets = await startLocalSecretsManager({ [ARN]: secretValue });
  dysmsapi = await startDysmsapiServer({ ...KEY, signName: '扫雪' });
  const env = { SMS_SIGNATURE: '扫雪', ALIYUN_ACCESS_KEY_SECRET_ARN: ARN, ALIYUN_TEMPLATE_CODES: JSON.stringify(dysmsapi.templateCodes), ALIYUN_SMS_ENDPOINT: `http://${dysmsapi.endpoint}` };
  const client = secrets.client;
  return { env, readSecret: (id: string) => readSecretString(id, client) };
}

describe('the Alibaba Cloud AccessKey read from Secrets Manager (a local endpoint answering like Secrets Manager, the real SDK client)', () => {
  it('reads the secret once and signs Dysmsapi requests with the AccessKey it holds', async () => {
    const { env, readSecret } = await world(JSON.stringify(KEY));
    const sender = await buildAliyunSender(env, readSecret);
    const tasking = renderTasking({ language: 'zh-CN', level: 'II', tasks: [aTask()], timeZone: 'Asia/Shanghai', signature: '扫雪' });

    await sender.send({ to: '+8613900391001', body: tasking.body, template: tasking.template, idempotencyKey: 'k1' });

    expect(secrets!.asked).toEqual([ARN]);
    expect(dysmsapi!.delivered).toHaveLength(1);
  });

  it('refuses the placeholder the stack created, naming the secret and what to do', async () => {
    const { env, readSecret } = await world(JSON.stringify({ accessKeyId: ACCESS_KEY_PLACEHOLDER, accessKeySecret: 'generated' }));

    const error = await buildAliyunSender(env, readSecret).then(() => undefined, (e: unknown) => e);

    expect(error).toBeInstanceOf(SecretUnusableError);
    expect((error as Error).message).toContain(`secret ${ARN} (ALIYUN_ACCESS_KEY_SECRET_ARN) still holds the placeholder`);
  });

  it('refuses a secret that is not the AccessKey JSON, saying what shape it must have', async () => {
    const { env, readSecret } = await world('LTAI-only-the-id');

    await expect(buildAliyunSender(env, readSecret)).rejects.toThrow(/is not JSON; it must be \{"accessKeyId"/);
  });

  it('names the variable when neither a secret nor a local AccessKey is configured', async () => {
    await expect(buildAliyunSender({ SMS_SIGNATURE: '扫雪', ALIYUN_TEMPLATE_CODES: '{}' })).rejects.toThrow(/ALIYUN_ACCESS_KEY_SECRET_ARN: required/);
  });
});
