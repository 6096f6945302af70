import type { SmsSender } from '../../functions/core/ports/SmsSender.ts';
import type { CityFile } from '../../local/city/cityFileSchema.ts';
import { buildWorld, DEFAULT_START } from './buildWorld.ts';

/** An SmsSender that keeps what it was asked to send (the local outbox without the file). */
export class RecordingSmsSender implements SmsSender {
  readonly sent: { to: string; body: string; idempotencyKey: string }[] = [];
  async send(message: { to: string; body: string; idempotencyKey: string }): Promise<{ providerMessageId: string }> {
    this.sent.push(message);
    return { providerMessageId: `rec-${this.sent.length}` };
  }
}

/** The demo city seeded into fresh tables on DynamoDB Local, with real Dynamo adapters and a movable clock. */
export async function seededDemoCity(start = new Date(DEFAULT_START), cityFile?: CityFile) {
  const world = await buildWorld('dynamo', { start, city: cityFile });
  return { ...world, deps: { ...world.deps, sms: new RecordingSmsSender() } };
}

/**
 * The demo city on the in-memory twins (held to the same contract suites as the DynamoDB adapters), for
 * use-case tests: the same deps as seededDemoCity, in milliseconds instead of DynamoDB Local round trips.
 */
export async function demoCityInMemory(start = new Date(DEFAULT_START), cityFile?: CityFile) {
  const world = await buildWorld('memory', { start, city: cityFile });
  return { ...world, deps: { ...world.deps, sms: new RecordingSmsSender() } };
}
