import * as z from 'zod';
import { ROLES } from '../../functions/handlers/api/auth/Principal.ts';
import { SMS_PROVIDERS, aliyunSmsSchema, snsSmsSchema } from './smsConfigSchema.ts';
import { STAGES, type Stage } from './Stage.ts';

/** AWS China regions (partition aws-cn): Beijing and Ningxia. */
export const CHINA_REGIONS = ['cn-north-1', 'cn-northwest-1'] as const;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const zoneSchema = z.strictObject({
  /** The zone id used in the registry (zones[].id in the city file) and as the dashboard's Zone dimension. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes, as in the registry'),
  name: z.string().min(1),
});

/**
 * What a city decides at deploy time, one file per stage (config/<stage>.json). Everything else about
 * the city (roads, crews, phones, thresholds) is registry data, imported after deploy. Strict objects:
 * a misspelt key is an error, not a silently ignored setting.
 */
const deployConfigObject = z.strictObject({
  $comment: z.string().optional(),
  stage: z.enum(STAGES as unknown as ['dev', 'prod', 'cn']),
  city: z.strictObject({
    name: z.string().min(1),
    /** The plan the registry import must carry (plan.id); shown on the dashboard and as a tag. */
    planId: z.string().min(1),
    timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai'),
    zones: z.array(zoneSchema).min(1).refine((zones) => new Set(zones.map((zone) => zone.id)).size === zones.length, 'zone ids must be unique'),
    /** Forecast providers the poller may use, in the order zones usually list them. */
    providers: z.array(z.string().min(1)).min(1),
    openMeteoBaseUrl: z.url().optional(),
  }),
  /**
   * The region the stage deploys to. Optional in global regions (then the caller's profile decides and the template
   * stays region-agnostic); required for the China stage, whose partition (aws-cn) the template is then written for.
   */
  region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'must be an AWS region such as cn-north-1 or eu-west-1').optional(),
  /** How the stage sends SMS: `provider` picks the adapter (functions/core/ports/SmsSender.ts), and the fields that go with it. */
  sms: z.preprocess(
    // A file from before providers existed means SNS, as it did then.
    (sms) => (sms !== null && typeof sms === 'object' && !('provider' in sms) ? { ...sms, provider: 'sns' } : sms),
    z.discriminatedUnion('provider', [snsSmsSchema, aliyunSmsSchema], {
      error: (issue) => (issue.code === 'invalid_union' ? `must be one of ${SMS_PROVIDERS.map((p) => `"${p}"`).join(', ')} (sms.provider)` : undefined),
    }),
  ),
  /**
   * Who may sign in: the stage's Cognito user pool (global regions), or the city's own OpenID Connect provider,
   * whose JWTs a Lambda authorizer verifies (the China stage: no Cognito user pools in Beijing, and API Gateway there
   * has no Cognito authorizers).
   */
  auth: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('cognito') }),
    z.strictObject({
      kind: z.literal('oidc'),
      /** The `iss` of the provider's tokens, exactly. */
      issuer: z.url({ protocol: /^https$/, error: 'must be the https URL the provider writes in its tokens\' iss' }),
      /** The `aud` the tokens carry: the snowops client registered at the provider. */
      audience: z.string().min(1),
      /** The provider's signing keys (jwks_uri of its discovery document). */
      jwksUrl: z.url({ protocol: /^https$/, error: 'must be an https URL (the jwks_uri of the provider\'s discovery document)' }),
      /** The claim holding the user's groups; dots descend (Keycloak: realm_access.roles). */
      rolesClaim: z.string().min(1).default('groups'),
      /** The claim naming the user in the response log (else `sub`). */
      usernameClaim: z.string().min(1).default('preferred_username'),
      /** The provider's group names, each mapped to the snowops role it grants. Groups not named grant nothing. */
      roleMapping: z.record(z.string().min(1), z.enum(ROLES)).refine((m) => Object.keys(m).length > 0, 'must map at least one group to a snowops role'),
    }),
  ], { error: (issue) => (issue.code === 'invalid_union' ? 'auth.kind must be "cognito" or "oidc"' : undefined) }).default({ kind: 'cognito' }),
  /**
   * The web console's hosting: CloudFront in front of a private bucket and the API, with Cognito's hosted
   * sign-in (lib/console/ConsoleHosting.ts). A stage without CloudFront or Cognito sets it false; the API
   * and the CLI work the same without it.
   */
  console: z.strictObject({ hosted: z.boolean() }).default({ hosted: true }),
  citizens: z.strictObject({
    /**
     * The origin the citizens' report page is served from (scheme and host, no path): the only origin whose
     * browsers may PUT photos to the photo bucket (its CORS rule). The hosted page's is the console's
     * distribution (the ReportPageUrl output without /report/), or the city's own domain.
     */
    pageOrigin: z.url({ protocol: /^https$/, error: 'must be the https origin the report page is served from, e.g. https://d111111abcdef8.cloudfront.net (ReportPageUrl without /report/)', abort: true })
      .refine((url) => new URL(url).origin === url, 'must be an origin only (https://host, no path, query or trailing slash), e.g. https://d111111abcdef8.cloudfront.net'),
  }),
  alarms: z.strictObject({
    /** Subscribed to the operators' topic (the address must confirm the subscription). */
    email: z.email().optional(),
  }),
});

/** What the China regions lack, said where the config asks for it (DESIGN.md, Where it must run). */
function chinaRules(config: z.infer<typeof deployConfigObject>, ctx: z.RefinementCtx): void {
  const china = config.region !== undefined && (CHINA_REGIONS as readonly string[]).includes(config.region);
  if (config.stage === ('cn' satisfies Stage) && !china) {
    ctx.addIssue({ code: 'custom', path: ['region'], message: `the cn stage deploys to an AWS China region: ${CHINA_REGIONS.join(' or ')}` });
  }
  // The hosted console signs in through Cognito's hosted UI (lib/console/ConsoleHosting.ts).
  if (config.auth.kind === 'oidc' && config.console.hosted) ctx.addIssue({ code: 'custom', path: ['console', 'hosted'], message: 'the hosted console signs in through Cognito\'s hosted UI: set false when auth.kind is "oidc" (the API and the CLI work without it)' });
  if (!china) return;
  if (config.sms.provider === 'sns') ctx.addIssue({ code: 'custom', path: ['sms', 'provider'], message: `SNS sends no SMS in ${config.region}: use "aliyun" (a mainland provider)` });
  if (config.auth.kind === 'cognito') ctx.addIssue({ code: 'custom', path: ['auth', 'kind'], message: `Cognito user pools and Cognito authorizers are not available in ${config.region}: use "oidc" with the city's identity provider` });
}

export const deployConfigSchema = deployConfigObject.superRefine(chinaRules);

export type DeployConfig = z.infer<typeof deployConfigSchema>;
