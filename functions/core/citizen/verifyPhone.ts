import { sendOnce } from '../dispatch/sendOnce.ts';
import { RuleViolationError } from '../errors/RuleViolationError.ts';
import { TooManyRequestsError } from '../errors/TooManyRequestsError.ts';
import { smsSegments } from '../messages/smsSegments.ts';
import type { Clock } from '../ports/Clock.ts';
import type { IdGenerator } from '../ports/IdGenerator.ts';
import type { Messaging } from '../ports/Messaging.ts';
import type { PhoneVerifications } from '../ports/PhoneVerifications.ts';
import type { RateQuotas } from '../ports/RateQuotas.ts';
import type { SecretGenerator } from '../ports/SecretGenerator.ts';
import type { SmsSender } from '../ports/SmsSender.ts';
import type { Language } from '../registry/Language.ts';
import { sha256, sameSecret } from './caseKeys.ts';
import { citizenMessages } from './citizenMessages.ts';
import { hourWindow } from './hourWindow.ts';

export const CODE_DIGITS = 6;
export const CODE_MINUTES = 10;
/** Codes one phone may be sent per hour. */
export const CODES_PER_HOUR = 3;
/** Guesses one code takes before it is void: 5 in 10^6 is a 1-in-200,000 chance for a guesser. */
export const GUESSES_PER_CODE = 5;
export const PASS_HOURS = 24;

export interface VerificationDeps {
  verifications: PhoneVerifications;
  quotas: RateQuotas;
  secrets: SecretGenerator;
  sms: SmsSender;
  messaging: Messaging;
  clock: Clock;
  ids: IdGenerator;
}

/** Texts a fresh code to a reporter's phone (at most CODES_PER_HOUR an hour), replacing any earlier one. */
export async function requestCode(deps: VerificationDeps, input: { phone: string; language: Language }): Promise<{ expiresAt: string }> {
  const now = deps.clock.now();
  const window = hourWindow(now);
  if (!(await deps.quotas.take(`code#${sha256(input.phone)}`, window.start, CODES_PER_HOUR))) {
    throw new TooManyRequestsError(`this phone was sent ${CODES_PER_HOUR} codes in the last hour; wait and ask again`, window.secondsLeft);
  }
  const code = deps.secrets.digits(CODE_DIGITS);
  const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000).toISOString();
  await deps.verifications.putCode(input.phone, { codeHash: sha256(`${input.phone}#${code}`), expiresAt });
  const body = citizenMessages.code(input.language, code, CODE_MINUTES);
  const outcome = await sendOnce(deps.sms, deps.messaging, { key: `citizen-code#${deps.ids.next()}`, to: input.phone, body, parts: smsSegments(body).segments });
  if (outcome.status === 'failed') throw new RuleViolationError(`the code could not be texted to this phone (${outcome.reason}); check the number`, 'phone');
  return { expiresAt };
}

/** Checks a guess at the phone's code; a right one earns a pass (a secret standing for the verified phone for PASS_HOURS). */
export async function confirmCode(deps: Pick<VerificationDeps, 'verifications' | 'secrets' | 'clock'>, input: { phone: string; code: string }): Promise<{ pass: string; expiresAt: string }> {
  const now = deps.clock.now();
  const attempt = await deps.verifications.countAttempt(input.phone, now.toISOString(), GUESSES_PER_CODE);
  if (attempt.status === 'none') throw new RuleViolationError('there is no live code for this phone: ask for a new one', 'code');
  if (attempt.status === 'exhausted') throw new TooManyRequestsError(`this code was guessed wrong ${GUESSES_PER_CODE} times and no longer works: ask for a new one`, 60);
  if (!sameSecret(attempt.code.codeHash, sha256(`${input.phone}#${input.code}`))) {
    const left = GUESSES_PER_CODE - attempt.code.attempts;
    throw new RuleViolationError(`the code is wrong; ${left} ${left === 1 ? 'try' : 'tries'} left`, 'code');
  }
  await deps.verifications.removeCode(input.phone);
  const pass = deps.secrets.next();
  const expiresAt = new Date(now.getTime() + PASS_HOURS * 3_600_000).toISOString();
  await deps.verifications.putPass(sha256(pass), input.phone, expiresAt);
  return { pass, expiresAt };
}

/** The verified phone a pass stands for; undefined for an unknown or lapsed pass. */
export async function phoneForPass(deps: Pick<VerificationDeps, 'verifications' | 'clock'>, pass: string): Promise<string | undefined> {
  return deps.verifications.findPass(sha256(pass), deps.clock.now().toISOString());
}
