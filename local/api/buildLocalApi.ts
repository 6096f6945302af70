import type { CoreDeps } from '../../functions/core/ports/CoreDeps.ts';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoRegistryStore } from '../../functions/adapters/dynamo/DynamoRegistryStore.ts';
import { InProcessPlanning } from '../../functions/core/activation/InProcessPlanning.ts';
import { InlineDispatch } from '../../functions/core/dispatch/InlineDispatch.ts';
import type { MessagingDeps } from '../../functions/core/dispatch/MessagingDeps.ts';
import { createApiHandler } from '../../functions/handlers/api/createApiHandler.ts';
import { restApiHandler, type RestApiLambdaHandler } from '../../functions/handlers/api/http/restApiHandler.ts';
import { routeMatcher } from '../../functions/handlers/api/http/routeMatcher.ts';
import type { ErrorLogger } from '../../functions/handlers/api/http/problemErrors.ts';
import { PowertoolsAttemptGuard } from '../../functions/adapters/idempotency/PowertoolsAttemptGuard.ts';
import { PowertoolsIdempotencyGuard } from '../../functions/handlers/api/idempotency/PowertoolsIdempotencyGuard.ts';
import { LOCAL_AWS } from '../dynamo/startDynamoLocal.ts';
import { LocalJwtAuthenticator } from '../auth/LocalJwtAuthenticator.ts';
import { DynamoBannedPhones } from '../../functions/adapters/dynamo/DynamoBannedPhones.ts';
import { DynamoCitizenCases } from '../../functions/adapters/dynamo/DynamoCitizenCases.ts';
import { DynamoPhoneVerifications } from '../../functions/adapters/dynamo/DynamoPhoneVerifications.ts';
import { DynamoRateQuotas } from '../../functions/adapters/dynamo/DynamoRateQuotas.ts';
import { FolderPhotoStore } from '../../functions/adapters/files/FolderPhotoStore.ts';
import { RandomSecrets } from '../../functions/adapters/system/RandomSecrets.ts';
import { statusPath } from '../../functions/core/citizen/statusPath.ts';
import { resolveMessaging } from '../../functions/core/dispatch/resolveMessaging.ts';
import type { CitizenPorts } from '../../functions/handlers/api/ApiDeps.ts';
import { allRoutes, publicRoutes } from '../../functions/handlers/api/routeTable.ts';
import { dynamoIdempotencyStore } from '../../functions/adapters/idempotency/dynamoIdempotencyStore.ts';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { RegistryAdmin } from '../../functions/core/ports/RegistryAdmin.ts';
import type { RegistryImportStore } from '../../functions/core/ports/RegistryImportStore.ts';

/** The API's own stores beyond the runtime's ports: the registry's write sides, the citizens' records, idempotency. */
export interface LocalApiStores {
  registryAdmin: RegistryAdmin;
  registryImport: RegistryImportStore;
  cases: CitizenPorts['cases'];
  bans: CitizenPorts['bans'];
  verifications: CitizenPorts['verifications'];
  quotas: CitizenPorts['quotas'];
  idempotency: BasePersistenceLayer;
}

/** Where the API keeps its stores: the runtime's tables on DynamoDB Local, or stores given (the in-memory twins). */
export type LocalApiStorage = { dynamoEndpoint: string; tableNames: Record<string, string> } | { stores: LocalApiStores };

export type LocalApiOptions = LocalApiStorage & {
  /** The runtime's ports; with `messaging`, activations dispatch with its guard, pace and dead letters. */
  deps: CoreDeps & MessagingDeps;
  /** Token signing secret; random per process unless given (e.g. $SNOWOPS_JWT_SECRET). */
  secret?: string;
  logger?: ErrorLogger;
  /** Where the public report page is (status links in reporters' SMS); by default this API's own, once it listens (setOrigin). */
  pageOrigin?: string;
  /** The folder reporters' photos are stored in (the stand-in for the photo bucket); default .snowops/photos. */
  photoDir?: string;
};

export interface LocalApi {
  handler: ReturnType<typeof createApiHandler>;
  /** The same handler as the citizens' REST API calls it (payload 1.0): public routes are served through it. */
  publicHandler: RestApiLambdaHandler;
  /** The public route's template (the REST API's resource) a request goes to, or undefined for an officers' route. */
  publicResource(method: string, path: string): string | undefined;
  authenticator: LocalJwtAuthenticator;
  /** One token per group, for the demo users officer-demo, manager-demo and admin-demo. */
  tokens: { officer: string; manager: string; admin: string };
  /** Reporters' photos (a folder); its presigned PUTs are taken by local/citizen/localUploadSite.ts. */
  photos: FolderPhotoStore;
  /** Plans officers' activations and upgrades in this process, off the request; idle() waits for them. */
  planning: InProcessPlanning;
  /** Tells the API where it listens, for the status links it texts reporters. */
  setOrigin(origin: string): void;
  close(): void;
}

function table(names: Record<string, string>, envVar: string): string {
  const name = names[envVar];
  if (!name) throw new Error(`local tables: no ${envVar} among ${Object.keys(names).join(', ')}`);
  return name;
}

/** The API's stores on the runtime's tables, and the client to close with the API. */
function dynamoStores(dynamoEndpoint: string, tableNames: Record<string, string>): { stores: LocalApiStores; client: DynamoDBClient } {
  const client = new DynamoDBClient({ endpoint: dynamoEndpoint, ...LOCAL_AWS });
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const registryWrites = new DynamoRegistryStore(db, table(tableNames, 'REGISTRY_TABLE'));
  const citizenTable = table(tableNames, 'CITIZEN_TABLE');
  return {
    client,
    stores: {
      registryAdmin: registryWrites,
      registryImport: registryWrites,
      cases: new DynamoCitizenCases(db, citizenTable),
      bans: new DynamoBannedPhones(db, citizenTable),
      verifications: new DynamoPhoneVerifications(db, citizenTable),
      quotas: new DynamoRateQuotas(db, citizenTable),
      idempotency: dynamoIdempotencyStore(table(tableNames, 'IDEMPOTENCY_TABLE'), client),
    },
  };
}

/** The API handler on the local runtime's tables (or given stores): the same factory the Lambda uses, with local tokens. */
export async function buildLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const { stores, client } = 'stores' in options ? { stores: options.stores, client: undefined } : dynamoStores(options.dynamoEndpoint, options.tableNames);
  const authenticator = new LocalJwtAuthenticator(options.secret);
  let origin = options.pageOrigin;
  // Presigned uploads expire by the runtime's clock, as the core sets them (the demo's clock is simulated).
  const photos = new FolderPhotoStore(options.photoDir ?? '.snowops/photos', { now: () => options.deps.clock.now().getTime() });
  const citizen: CitizenPorts = {
    cases: stores.cases,
    bans: stores.bans,
    verifications: stores.verifications,
    quotas: stores.quotas,
    secrets: new RandomSecrets(),
    photos,
    sms: options.deps.sms,
    // Reporters' SMS are sent once: the same Powertools guard as every SMS, even where the runtime gave none.
    messaging: options.deps.messaging ?? { ...resolveMessaging(options.deps).m, guard: new PowertoolsAttemptGuard({ persistenceStore: stores.idempotency }) },
    statusLink: (caseId, key) => (origin ? `${origin}${statusPath(caseId, key)}` : undefined),
  };
  const logger = options.logger ?? { error: (message, extra) => console.error(`snowops api: ${message}`, extra) };
  // No queues here: a wave is sent in this process once it is planned, as the dispatcher would.
  const dispatch = new InlineDispatch(options.deps);
  // An officer's activation answers 202 while its wave is planned here, as the activation planner Lambda would.
  const planning = new InProcessPlanning({ ...options.deps, dispatch }, (error, request) => logger.error('planning a wave failed; the poller resumes it', { ...request, error: String(error) }));
  const handler = createApiHandler({
    deps: { ...options.deps, dispatch, planning, registryAdmin: stores.registryAdmin, registryImport: stores.registryImport, citizen },
    // One server locally: the officers' routes and the public ones (deployed, the public ones are their own API).
    routes: [...allRoutes(), ...publicRoutes()],
    authenticator,
    idempotency: new PowertoolsIdempotencyGuard({ persistenceStore: stores.idempotency }),
    logger,
  });
  const [officer, manager, admin] = await Promise.all([
    authenticator.issue('officer-demo', ['duty-officer']),
    authenticator.issue('manager-demo', ['manager']),
    authenticator.issue('admin-demo', ['admin']),
  ]);
  const publicMatchers = publicRoutes().map((route) => ({ route, re: routeMatcher(route.path) }));
  const publicResource = (method: string, path: string) => publicMatchers.find(({ route, re }) => route.method === method.toUpperCase() && re.test(path))?.route.path;
  return { handler, publicHandler: restApiHandler(handler), publicResource, authenticator, photos, tokens: { officer, manager, admin }, planning, setOrigin: (o) => { origin ??= o; }, close: () => client?.destroy() };
}
