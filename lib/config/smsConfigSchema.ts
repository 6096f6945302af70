import * as z from 'zod';
import { aliyunApplications } from '../../functions/adapters/sms/aliyun/registrationForm.ts';
import { SMS_CATALOGUE } from '../../functions/core/messages/catalogue/entries.ts';
import { LANGUAGES } from '../../functions/core/registry/Language.ts';
import { E164 } from '../../functions/core/registry/PhoneNumber.ts';
import { smsPaceSchema } from './smsPaceSchema.ts';

export const SMS_PROVIDERS = ['sns', 'aliyun'] as const;
export type SmsProvider = (typeof SMS_PROVIDERS)[number];

/**
 * The registered SMS signature (签名), without its 【】: every message starts with 【signature】 and its segments count
 * it. Mainland China numbers receive nothing without one (2 to 12 characters).
 */
const signature = z.string().regex(/^[^【】\[\]]{2,12}$/, 'must be 2 to 12 characters without brackets (【】 are added)');

/**
 * The SMS budget of one activation, in segments (message parts): what both SNS and Alibaba Cloud bill
 * by, what the tasking's segment cap bounds and what the SmsSegments metric counts, so the alarm needs
 * no price table and does not move when a price does. CloudWatch alarms watch fixed dimensions, not
 * one per activation, so the alarm sums the stage's segments over a window sized to an activation.
 */
export const activationBudgetSchema = z.strictObject({
  /** The alarm fires when more segments than this are sent within one window. */
  segments: z.number().int().min(1).max(1_000_000),
  /** The window, in hours: about one activation. CloudWatch allows an alarm period of at most a day. */
  windowHours: z.number().int().min(1).max(24),
});
export type ActivationBudget = z.infer<typeof activationBudgetSchema>;

/** Amazon SNS (End User Messaging SMS): global regions, the default. */
export const snsSmsSchema = z.strictObject({
  provider: z.literal('sns'),
  signature: signature.optional(),
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
  activationBudget: activationBudgetSchema,
  /** How fast the stage texts: its origination identity and that identity's throughput (required: no stage sends at a guessed pace). */
  pace: smsPaceSchema,
});

/** Alibaba Cloud SMS (Dysmsapi): the registered signature and the TemplateCode of every catalogue template it will send. */
export const aliyunSmsSchema = z.strictObject({
  provider: z.literal('aliyun'),
  /** Required: the approved SignName. */
  signature,
  aliyun: z.strictObject({
    /** The languages crew leaders and officers read; every catalogue template needs a TemplateCode in each. */
    languages: z.array(z.enum(LANGUAGES)).min(1).default(['zh-CN']),
    /** `<template>.<language>` (npx snowops sms templates --provider aliyun lists them) to the SMS_… code Alibaba Cloud assigned. */
    templateCodes: z.record(z.string(), z.string().regex(/^SMS_\d+$/, 'must be a TemplateCode such as SMS_154950909')),
    /** The Dysmsapi host; dysmsapi.aliyuncs.com by default. */
    endpoint: z.string().regex(/^[a-z0-9.-]+$/, 'must be a host name such as dysmsapi.aliyuncs.com').optional(),
  }).superRefine((aliyun, ctx) => {
    const needed = aliyunApplications(SMS_CATALOGUE, aliyun.languages).map((a) => a.key);
    const missing = needed.filter((key) => !Object.hasOwn(aliyun.templateCodes, key));
    const unknown = Object.keys(aliyun.templateCodes).filter((key) => !needed.includes(key));
    if (missing.length > 0) ctx.addIssue({ code: 'custom', path: ['templateCodes'], message: `no TemplateCode for ${missing.join(', ')} (register them first: npx snowops sms templates --provider aliyun)` });
    if (unknown.length > 0) ctx.addIssue({ code: 'custom', path: ['templateCodes'], message: `not a catalogue template in ${aliyun.languages.join(', ')}: ${unknown.join(', ')}` });
  }),
  activationBudget: activationBudgetSchema,
  /** How fast the stage texts (origination 'aliyun-signature'): the city's contracted rate, in message parts per second. */
  pace: smsPaceSchema,
});
