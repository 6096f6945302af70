import { describe, expect, it } from 'vitest';
import { MemoryBannedPhones } from '../../../functions/adapters/memory/MemoryBannedPhones.ts';
import { MemoryCitizenCases } from '../../../functions/adapters/memory/MemoryCitizenCases.ts';
import { MemoryPhoneVerifications } from '../../../functions/adapters/memory/MemoryPhoneVerifications.ts';
import { MemoryRateQuotas } from '../../../functions/adapters/memory/MemoryRateQuotas.ts';
import { RandomSecrets } from '../../../functions/adapters/system/RandomSecrets.ts';
import { activate } from '../../../functions/core/activation/activate.ts';
import { banReporter } from '../../../functions/core/citizen/banReporter.ts';
import { sha256 } from '../../../functions/core/citizen/caseKeys.ts';
import { CITIZEN_LOG } from '../../../functions/core/citizen/CitizenDeps.ts';
import { InlineDispatch } from '../../../functions/core/dispatch/InlineDispatch.ts';
import { dispatchCase } from '../../../functions/core/citizen/dispatchCase.ts';
import { submitReport } from '../../../functions/core/citizen/submitReport.ts';
import { ConflictError } from '../../../functions/core/errors/ConflictError.ts';
import { demoCityInMemory } from '../../support/demoCity.ts';

const PHONE = '+8613800009001';
const PASS = 'p'.repeat(43);

/** The demo city on the twins with a response open, citizen ports beside it, and a pass for PHONE. */
async function world() {
  const city = await demoCityInMemory();
  const verifications = new MemoryPhoneVerifications();
  await verifications.putPass(sha256(PASS), PHONE, '2030-01-01T00:00:00.000Z');
  const deps = {
    ...city.deps, cases: new MemoryCitizenCases(), bans: new MemoryBannedPhones(), verifications, quotas: new MemoryRateQuotas(), secrets: new RandomSecrets(),
  };
  const withDispatch = { ...deps, dispatch: new InlineDispatch(city.deps) };
  const zoneLevels = Object.fromEntries(city.city.zones.map((z) => [z.id, 'IV' as const]));
  await activate(deps, { level: 'IV', zoneLevels, actor: 'officer-demo', reason: 'storm', evidence: [] });
  const road = city.city.roads[0]!;
  const report = () => submitReport(deps, { pass: PASS, sourceAddress: '198.51.100.7', category: 'icy-road', description: '桥面结冰', lat: road.latitude, lon: road.longitude, language: 'zh-CN' });
  const registered = async () => {
    const { case: c } = await report();
    await deps.cases.save({ case: { ...c, state: 'registered', version: c.version + 1 }, expectedVersion: c.version });
    return c.id;
  };
  return { deps: withDispatch, report, registered };
}

describe('banning a reporter\'s number (moderation; use cases on the in-memory twins)', () => {
  it('keeps the case, marks it banned, and logs the ban with its reason and without the number', async () => {
    const { deps, report } = await world();
    const { case: c } = await report();

    const banned = await banReporter(deps, { caseId: c.id, actor: 'officer-demo', reason: '一小时内上报 40 条虚假信息' });

    expect([banned.banned, banned.state, (await deps.cases.get(c.id))?.banned]).toEqual([true, 'submitted', true]);
    const entries = (await deps.log.list(CITIZEN_LOG)).filter((e) => e.action === 'citizen.reporter-banned');
    expect(entries.map((e) => [e.subject, e.reason])).toEqual([[`case:${c.id}`, '一小时内上报 40 条虚假信息']]);
    expect(JSON.stringify(entries)).not.toContain('13800009001');
  });

  it('never dispatches a report the number filed before the ban, though that case was not marked', async () => {
    const { deps, registered } = await world();
    const earlier = await registered();
    const other = await registered();
    await banReporter(deps, { caseId: other, actor: 'officer-demo', reason: 'flood' });

    await expect(dispatchCase(deps, { caseId: earlier, actor: 'officer-demo' })).rejects.toThrow(ConflictError);
    expect((await deps.cases.get(earlier))?.state).toBe('registered');
  });

  it('keeps a report the number files after the ban, marked banned, and never dispatches it', async () => {
    const { deps, report, registered } = await world();
    const { case: first } = await report();
    await banReporter(deps, { caseId: first.id, actor: 'officer-demo', reason: 'flood' });

    const later = await registered();

    expect((await deps.cases.get(later))?.banned).toBe(true);
    await expect(dispatchCase(deps, { caseId: later, actor: 'officer-demo' })).rejects.toThrow(/banned number; it is kept and never dispatched/);
  });

  it('dispatches a report from a number nobody banned', async () => {
    const { deps, registered } = await world();
    const id = await registered();

    expect((await dispatchCase(deps, { caseId: id, actor: 'officer-demo' })).case.state).not.toBe('registered');
  });

  it('refuses a ban without a reason, naming the field', async () => {
    const { deps, report } = await world();
    const { case: c } = await report();

    await expect(banReporter(deps, { caseId: c.id, actor: 'officer-demo', reason: '  ' })).rejects.toMatchObject({ field: 'reason' });
  });
});
