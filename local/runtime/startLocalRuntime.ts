import { readFile } from 'node:fs/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoCitizenCases } from '../../functions/adapters/dynamo/DynamoCitizenCases.ts';
import { dynamoOperations } from '../../functions/adapters/dynamo/dynamoOperations.ts';
import { DynamoRegistryStore } from '../../functions/adapters/dynamo/DynamoRegistryStore.ts';
import { DynamoResponseLog } from '../../functions/adapters/dynamo/DynamoResponseLog.ts';
import { PowertoolsAttemptGuard } from '../../functions/adapters/idempotency/PowertoolsAttemptGuard.ts';
import { JsonlDeadLetterQueue } from '../../functions/adapters/queue/JsonlDeadLetterQueue.ts';
import { OutboxSmsSender, type OutboxRecord } from '../../functions/adapters/sms/OutboxSmsSender.ts';
import { systemTimer } from '../../functions/adapters/system/SystemTimer.ts';
import { DEFAULT_RETRY_POLICY } from '../../functions/core/dispatch/RetryPolicy.ts';
import { TokenBucket } from '../../functions/core/dispatch/TokenBucket.ts';
import type { Messaging } from '../../functions/core/ports/Messaging.ts';
import { UlidGenerator } from '../../functions/adapters/system/UlidGenerator.ts';
import { OpenMeteoProvider } from '../../functions/adapters/weather/OpenMeteoProvider.ts';
import { ALL_TABLES } from '../../functions/config/tables.ts';
import type { Clock } from '../../functions/core/ports/Clock.ts';
import type { CitizenCases } from '../../functions/core/ports/CitizenCases.ts';
import type { CoreDeps } from '../../functions/core/ports/CoreDeps.ts';
import type { ForecastProvider } from '../../functions/core/ports/ForecastProvider.ts';
import { loadDeployConfig } from '../../lib/config/loadDeployConfig.ts';
import { loadCityFile } from '../city/loadCityFile.ts';
import { handleAliyunCallback } from '../../functions/adapters/sms/aliyun/handleAliyunCallback.ts';
import { handleReply, type ReplyOutcome } from '../../functions/core/replies/handleReply.ts';
import { startLocalAliyun, type CallbackHandler, type LocalAliyun } from '../aliyun/startLocalAliyun.ts';
import type { CityFile } from '../city/cityFileSchema.ts';
import { createTables } from '../dynamo/createTables.ts';
import { LOCAL_AWS, startDynamoLocal, type DynamoLocal } from '../dynamo/startDynamoLocal.ts';
import { openMeteoRoute, startWeatherServer, type WeatherServer } from '../weather/startWeatherServer.ts';
import { dynamoIdempotencyStore } from '../../functions/adapters/idempotency/dynamoIdempotencyStore.ts';

export interface LocalRuntimeOptions {
  clock: Clock;
  outboxFile: string;
  forecastFile: string;
  cityFile?: string;
  onSms?: (record: OutboxRecord) => void;
  /** An already running DynamoDB Local (tests); otherwise one is started and stopped here. */
  dynamoEndpoint?: string;
  /** Where dispatch failures that exhausted their retries are written; defaults to dead-letters.jsonl beside the outbox. */
  deadLetterFile?: string;
  /** SMS parts per second the local dispatcher is paced at. */
  partsPerSecond?: number;
  /** The signature (inside 【】) every SMS starts with; the dev stage's (config/dev.json) by default. */
  signature?: string;
  /** Which SMS provider's adapter sends: the outbox alone (SNS's stand-in), or Alibaba Cloud SMS against its local endpoint. */
  sms?: 'outbox' | 'aliyun';
}

export interface LocalRuntime {
  deps: CoreDeps & { sms: OutboxSmsSender; providers: ReadonlyMap<string, ForecastProvider>; messaging: Messaging; citizenCases: CitizenCases };
  deadLetters: JsonlDeadLetterQueue;
  city: CityFile;
  tableNames: Record<string, string>;
  dynamoEndpoint: string;
  weather: WeatherServer;
  /** A crew leader's phone replies by SMS, through the provider's inbound path; the reply handling's outcome. */
  reply(from: string, body: string): Promise<ReplyOutcome>;
  /** With --sms aliyun: the local endpoint answering like Dysmsapi, and where its callbacks arrive. */
  aliyun?: LocalAliyun;
  stop(): Promise<void>;
}

/** The embedded runtime: DynamoDB Local with the stack's tables, the city seeded, a weather replay server, an SMS outbox. */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const city = await loadCityFile(options.cityFile);
  const forecastBody = await readFile(options.forecastFile, 'utf8').catch((error: Error) => {
    throw new Error(`${options.forecastFile}: cannot read forecast file: ${error.message}`);
  });
  let dynamo: DynamoLocal | undefined;
  let weather: WeatherServer | undefined;
  let aliyun: LocalAliyun | undefined;
  try {
    if (!options.dynamoEndpoint) dynamo = await startDynamoLocal();
    const endpoint = options.dynamoEndpoint ?? dynamo!.endpoint;
    const client = new DynamoDBClient({ endpoint, ...LOCAL_AWS });
    const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    const tableNames = await createTables(client, ALL_TABLES, `snowops-local-${Date.now().toString(36)}-`);
    const registry = new DynamoRegistryStore(db, tableNames.REGISTRY_TABLE!);
    await registry.put(city);
    weather = await startWeatherServer([openMeteoRoute(forecastBody)]);
    const ids = new UlidGenerator();
    const signature = options.signature ?? loadDeployConfig('dev').sms.signature ?? '扫雪';
    let handle: CallbackHandler | undefined;
    if (options.sms === 'aliyun') aliyun = await startLocalAliyun(signature, () => handle!);
    const sms = new OutboxSmsSender(options.outboxFile, options.clock, options.onSms, signature, aliyun?.sender);
    const providers = new Map<string, ForecastProvider>([['open-meteo', new OpenMeteoProvider({ baseUrl: weather.baseUrl, timeoutMs: 5000 }, options.clock)]]);
    const deadLetters = new JsonlDeadLetterQueue(options.deadLetterFile ?? options.outboxFile.replace(/[^/]*$/, 'dead-letters.jsonl'));
    const partsPerSecond = options.partsPerSecond ?? 100;
    // The same exactly-once guard as in AWS (Powertools on the Idempotency table), paced on real time.
    const messaging: Messaging = {
      guard: new PowertoolsAttemptGuard({ persistenceStore: dynamoIdempotencyStore(tableNames.IDEMPOTENCY_TABLE!, client) }),
      limiter: new TokenBucket({ partsPerSecond, now: systemTimer.now, sleep: systemTimer.sleep }),
      deadLetters,
      retry: DEFAULT_RETRY_POLICY,
      sleep: systemTimer.sleep,
      random: Math.random,
      concurrency: 8,
    };
    const deps = {
      registry,
      ...dynamoOperations(db, tableNames.OPERATIONS_TABLE!),
      log: new DynamoResponseLog(db, tableNames.LOG_TABLE!, ids),
      clock: options.clock,
      ids,
      sms,
      providers,
      messaging,
      // Previews and waves say how long their SMS take at this pace (the outbox names no origination identity).
      smsPace: { partsPerSecond, signature, ...(options.sms === 'aliyun' ? { origination: 'aliyun-signature' } : {}) },
      // A crew's reply to a citizen case's task moves the case (as sms-inbound does deployed).
      citizenCases: new DynamoCitizenCases(db, tableNames.CITIZEN_TABLE!),
    };
    handle = (kind, body) => handleAliyunCallback(deps, kind, body);
    const started = weather;
    const provider = aliyun;
    let inbound = 0;
    return {
      deps, deadLetters, city, tableNames, dynamoEndpoint: endpoint, weather: started,
      reply: (from, body) => (provider ? provider.reply(from, body) : handleReply(deps, { inboundMessageId: `demo-${inbound++}`, from, body })),
      ...(provider ? { aliyun: provider } : {}),
      stop: async () => {
        await provider?.close();
        client.destroy();
        await started.close();
        await dynamo?.stop();
      },
    };
  } catch (error) {
    await aliyun?.close();
    await weather?.close();
    await dynamo?.stop();
    throw error;
  }
}
