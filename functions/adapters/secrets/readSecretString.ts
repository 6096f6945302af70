import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** A secret that cannot be used: unreadable, empty, or still the placeholder the stack created. The message names it. */
export class SecretUnusableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretUnusableError';
  }
}

/**
 * The current value of a Secrets Manager secret, read once at a Lambda's cold start (so that it is never in the
 * function's environment, where anyone who may read the function's configuration would see it).
 */
export async function readSecretString(secretId: string, client: SecretsManagerClient = new SecretsManagerClient({})): Promise<string> {
  const answer = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  if (!answer.SecretString) throw new SecretUnusableError(`secret ${secretId} has no string value`);
  return answer.SecretString;
}
