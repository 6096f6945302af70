import { describe, expect, it } from 'vitest';
import { SMS_CATALOGUE, catalogueEntry } from '../../../../functions/core/messages/catalogue/entries.ts';
import { renderSms } from '../../../../functions/core/messages/catalogue/renderSms.ts';
import { paramProblems, registrationProblems } from '../../../../functions/core/messages/catalogue/templateProblems.ts';
import { renderDutyNotice } from '../../../../functions/core/messages/renderDutyNotice.ts';
import { renderTasking } from '../../../../functions/core/messages/renderTasking.ts';
import { smsSegments } from '../../../../functions/core/messages/smsSegments.ts';
import { officerNotices } from '../../../../functions/core/poll/officerNotices.ts';
import { LANGUAGES } from '../../../../functions/core/registry/Language.ts';
import { aTask as task } from '../../../support/builders/task.ts';

/** What the provider would show for a template and values: the registered wording with the values in place. */
function asRegistered(name: string, language: (typeof LANGUAGES)[number], params: Record<string, string>, signature = ''): string {
  return (signature ? `【${signature}】` : '') + catalogueEntry(name).text[language].replace(/\{(\w+)\}/g, (_, v: string) => params[v]!);
}

describe('the SMS template catalogue', () => {
  it('can register every template: no brackets, no adjacent variables, every variable declared and used', () => {
    expect(SMS_CATALOGUE.flatMap(registrationProblems)).toEqual([]);
  });

  it('names each template once', () => {
    const names = SMS_CATALOGUE.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('finds a template whose wording puts two variables side by side', () => {
    const entry = { ...catalogueEntry('reassign.from'), text: { 'zh-CN': '{code}{road}已改派', en: '{code} {road} moved' }, variables: { code: { kind: 'code' as const, maxLength: 5 }, road: { kind: 'text' as const, maxLength: 20 } } };
    expect(registrationProblems(entry)).toEqual(['reassign.from (zh-CN): two variables with no fixed text between them', 'reassign.from (en): two variables with no fixed text between them']);
  });
});

describe('messages rendered from the catalogue', () => {
  const tasks = [task({ code: 'T07', roadName: '人民路', sequence: 1 }), task({ code: 'T08', roadName: '解放路', sequence: 2 })];
  const rendered = LANGUAGES.flatMap((language) => [
    renderTasking({ language, level: 'II', tasks, timeZone: 'Asia/Shanghai', signature: '扫雪' }),
    renderTasking({ language, level: 'I', tasks, timeZone: 'Asia/Shanghai', variant: { kind: 'resend' }, signature: '扫雪' }),
    renderTasking({ language, level: 'I', tasks, timeZone: 'Asia/Shanghai', variant: { kind: 'backup', leaderName: '王强' }, signature: '扫雪' }),
    renderDutyNotice(language, { kind: 'unconfirmed', crew: '环卫1班', codes: ['T01', 'T02'] }, '扫雪'),
    renderDutyNotice(language, { kind: 'unreachable', crew: '环卫1班', codes: ['T01'], reason: 'opted out of SMS' }, '扫雪'),
    renderDutyNotice(language, { kind: 'cannot', crew: '环卫1班', codes: ['T01'], replacementCrews: ['环卫3班'] }, '扫雪'),
    renderDutyNotice(language, { kind: 'cannot', crew: '环卫1班', codes: ['T01'], replacementCrews: [] }, '扫雪'),
    renderDutyNotice(language, { kind: 'shortfall', level: 'II', roads: ['迎宾路', '人民路', '解放路', '塔南路', '丰收路', '神州路'] }, '扫雪'),
    officerNotices.watch(language, ['解放区', '山阳区'], 'II', '2026-12-14T16:00:00Z', 'Asia/Shanghai', undefined, '扫雪'),
    officerNotices.stale(language, ['解放区'], '2026-12-14T16:00:00Z', 'Asia/Shanghai', 'III', '扫雪'),
    officerNotices.proposeDowngrade(language, 'II', 'none', 3, 12, '扫雪'),
    officerNotices.proposeDowngrade(language, 'II', 'III', 3, 12, '扫雪'),
  ]);

  it.each(rendered.map((sms) => [sms.template.name, sms.template.language, sms] as const))('%s (%s) reads exactly as its registered template with its values, after the signature', (_name, _language, sms) => {
    expect(sms.body).toBe(asRegistered(sms.template.name, sms.template.language, sms.template.params, '扫雪'));
    expect(paramProblems(catalogueEntry(sms.template.name), sms.template.params)).toEqual([]);
  });

  it('counts the signature in the segments', () => {
    const body = '甲'.repeat(66); // 66 + 【扫雪】's 4 = 70: one UCS-2 segment; a longer signature makes two.
    const entry = SMS_CATALOGUE.find((e) => e.name === 'reply.ack')!;
    const withFour = renderSms(entry.name, 'zh-CN', { codes: body.slice(0, 66 - entry.text['zh-CN'].length + '{codes}'.length) }, '扫雪');
    expect(withFour.body).toHaveLength(70);
    expect(withFour.segments).toBe(1);
    expect(renderSms(entry.name, 'zh-CN', withFour.template.params, '焦作城管').segments).toBe(2);
    expect(withFour.segments).toBe(smsSegments(withFour.body).segments);
  });

  it('puts no signature in front when the stage has none', () => {
    expect(renderSms('help', 'en', {}).body).toBe(catalogueEntry('help').text.en);
  });

  it('refuses to render a template without a value for one of its variables', () => {
    expect(() => renderSms('reply.not-yours', 'zh-CN', {})).toThrow('SMS template "reply.not-yours" needs {code}');
  });

  it('finds values that would not match the registration: too long, empty, unknown or missing', () => {
    const entry = catalogueEntry('tasking');
    const ok = { level: 'Ⅱ级', vehicle: '豫H铲001', depot: '一号车场', startBy: '08:30', tasks: 'T07 人民路铲雪' };
    expect(paramProblems(entry, ok)).toEqual([]);
    expect(paramProblems(entry, { ...ok, tasks: 'T07 人民路铲雪；'.repeat(40) })).toEqual(['tasking: {tasks} is 400 characters, the registration allows 300']);
    expect(paramProblems(entry, { ...ok, depot: '' })).toEqual(['tasking: {depot} is empty']);
    const { startBy: _, ...missing } = ok;
    expect(paramProblems(entry, { ...missing, extra: 'x' })).toEqual(['tasking: {startBy} has no value', 'tasking: {extra} is not a variable of the template']);
  });
});
