import { beforeAll, describe, expect, it } from 'vitest';
import { submitReport, REPORTS_PER_PHONE_HOUR } from '../../../functions/core/citizen/submitReport.ts';
import { CODES_PER_HOUR, confirmCode, GUESSES_PER_CODE, phoneForPass, requestCode } from '../../../functions/core/citizen/verifyPhone.ts';
import { TooManyRequestsError } from '../../../functions/core/errors/TooManyRequestsError.ts';
import { UnverifiedPhoneError } from '../../../functions/core/errors/UnverifiedPhoneError.ts';
import { citizenWorld } from '../../support/citizenWorld.ts';

type World = Awaited<ReturnType<typeof citizenWorld>>;
let world: World;
beforeAll(async () => { world = await citizenWorld(); });
let n = 0;
const newPhone = () => `+86138111${String(n++).padStart(5, '0')}`;
const codeIn = (sms: string) => /(\d{6})/.exec(sms)![1]!;

describe('phone verification by SMS code (DynamoDB Local, outbox)', () => {
  it('texts a 6-digit code and trades the right code for a pass that stands for the phone', async () => {
    const phone = newPhone();
    await requestCode(world, { phone, language: 'zh-CN' });
    const { pass } = await confirmCode(world, { phone, code: codeIn(world.smsTo(phone)[0]!) });
    expect(await phoneForPass(world, pass)).toBe(phone);
  });

  it('voids a code after its guesses, even when the right code comes next', async () => {
    const phone = newPhone();
    await requestCode(world, { phone, language: 'en' });
    const right = codeIn(world.smsTo(phone)[0]!);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < GUESSES_PER_CODE; i++) await expect(confirmCode(world, { phone, code: wrong })).rejects.toThrow(/the code is wrong/);
    await expect(confirmCode(world, { phone, code: right })).rejects.toBeInstanceOf(TooManyRequestsError);
  });

  it('refuses a code once used', async () => {
    const phone = newPhone();
    await requestCode(world, { phone, language: 'en' });
    const code = codeIn(world.smsTo(phone)[0]!);
    await confirmCode(world, { phone, code });
    await expect(confirmCode(world, { phone, code })).rejects.toThrow(/no live code/);
  });

  it('refuses a code after its 10 minutes', async () => {
    const w = await citizenWorld();
    const phone = newPhone();
    await requestCode(w, { phone, language: 'en' });
    w.clock.advance(11);
    await expect(confirmCode(w, { phone, code: codeIn(w.smsTo(phone)[0]!) })).rejects.toThrow(/no live code/);
  });

  it('texts a phone at most 3 codes an hour', async () => {
    const phone = newPhone();
    for (let i = 0; i < CODES_PER_HOUR; i++) await requestCode(world, { phone, language: 'en' });
    await expect(requestCode(world, { phone, language: 'en' })).rejects.toBeInstanceOf(TooManyRequestsError);
    expect(world.smsTo(phone)).toHaveLength(CODES_PER_HOUR);
  });
});

describe('reports from the public', () => {
  const report = { category: 'icy-road' as const, description: 'ice', lat: 35.2, lon: 113.2, language: 'en' as const, photos: [] };

  it('refuses a report without a live pass', async () => {
    await expect(submitReport(world, { ...report, pass: 'not-a-pass-at-all-not-a-pass', sourceAddress: '10.0.0.1' })).rejects.toBeInstanceOf(UnverifiedPhoneError);
  });

  it('takes 5 reports an hour from one phone and refuses a flood, keeping the 5', async () => {
    const phone = newPhone();
    await requestCode(world, { phone, language: 'en' });
    const { pass } = await confirmCode(world, { phone, code: codeIn(world.smsTo(phone)[0]!) });
    const results = [];
    for (let i = 0; i < REPORTS_PER_PHONE_HOUR + 3; i++) {
      results.push(await submitReport(world, { ...report, pass, sourceAddress: `10.1.0.${i}` }).then(() => 'taken', (e: Error) => e.name));
    }
    expect(results).toEqual([...Array(REPORTS_PER_PHONE_HOUR).fill('taken'), 'TooManyRequestsError', 'TooManyRequestsError', 'TooManyRequestsError']);
  });
});
