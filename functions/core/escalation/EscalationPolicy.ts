import * as z from '../../config/zod.ts';

/** Minutes between the steps of escalation while a tasking stays unacknowledged. */
export const escalationStepsSchema = z.object({
  /** After the first SMS: resend it to the leader. */
  resendAfterMinutes: z.number().check(z.positive(), z.lte(24 * 60)),
  /** After the resend: hand the tasking to the backup leader. */
  backupAfterMinutes: z.number().check(z.positive(), z.lte(24 * 60)),
  /** After the backup's SMS: tell the duty officer. */
  dutyOfficerAfterMinutes: z.number().check(z.positive(), z.lte(24 * 60)),
});
export type EscalationSteps = z.infer<typeof escalationStepsSchema>;

/** Defaults: tighter at higher levels (a red warning gives people less time to answer). */
export const DEFAULT_ESCALATION = {
  IV: { resendAfterMinutes: 30, backupAfterMinutes: 30, dutyOfficerAfterMinutes: 30 },
  III: { resendAfterMinutes: 20, backupAfterMinutes: 20, dutyOfficerAfterMinutes: 20 },
  II: { resendAfterMinutes: 15, backupAfterMinutes: 15, dutyOfficerAfterMinutes: 15 },
  I: { resendAfterMinutes: 10, backupAfterMinutes: 10, dutyOfficerAfterMinutes: 10 },
} as const satisfies Record<'IV' | 'III' | 'II' | 'I', EscalationSteps>;

export const escalationPolicySchema = z.object({
  IV: escalationStepsSchema,
  III: escalationStepsSchema,
  II: escalationStepsSchema,
  I: escalationStepsSchema,
});
export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;
