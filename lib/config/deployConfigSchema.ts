import * as z from 'zod';
import { E164 } from '../../functions/core/registry/PhoneNumber.ts';
import { STAGES } from './Stage.ts';

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
export const deployConfigSchema = z.strictObject({
  $comment: z.string().optional(),
  stage: z.enum(STAGES as unknown as ['dev', 'prod']),
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
  sms: z.strictObject({
    /**
     * The registered SMS signature (签名), without its 【】: every message starts with 【signature】 and its
     * segments count it. Mainland China numbers receive nothing without one (2 to 12 characters).
     */
    signature: z.string().regex(/^[^【】\[\]]{2,12}$/, 'must be 2 to 12 characters without brackets (【】 are added)').optional(),
    /** Alphanumeric sender ID (1-11 characters), where the destination country supports one (China does not). */
    senderId: z.string().regex(/^(?=.*[A-Za-z])[A-Za-z0-9-]{1,11}$/, 'must be 1-11 letters, digits or dashes with at least one letter').optional(),
    /** E.164 number registered in End User Messaging SMS, with two-way SMS pointed at the stack's inbound topic. */
    originationNumber: z.string().regex(E164, 'must be an E.164 phone number such as +8613812345678').optional(),
    /** The account's SNS MonthlySpendLimit for SMS, in USD. */
    monthlySpendLimitUsd: z.number().positive(),
    /** The spend alarm fires at this percentage of the limit, so someone can act before SMS stop. */
    spendAlarmPercent: z.number().int().min(1).max(99).default(80),
    /**
     * Whether this stage sets the account's MonthlySpendLimit. It is one setting per account and region,
     * so exactly one stage in an account may own it; the others only alarm.
     */
    manageAccountSpendLimit: z.boolean(),
  }),
  /**
   * The web console's hosting: CloudFront in front of a private bucket and the API, with Cognito's hosted
   * sign-in (lib/console/ConsoleHosting.ts). A stage without CloudFront or Cognito sets it false; the API
   * and the CLI work the same without it.
   */
  console: z.strictObject({ hosted: z.boolean() }).default({ hosted: true }),
  alarms: z.strictObject({
    /** Subscribed to the operators' topic (the address must confirm the subscription). */
    email: z.email().optional(),
  }),
});

export type DeployConfig = z.infer<typeof deployConfigSchema>;
