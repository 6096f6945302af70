/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleReply } from '../../functions/core/replies/handleReply.ts';
import { citizenSite } from '../../local/citizen/citizenSite.ts';
import { seriousAxeFindings } from '../support/axe.ts';
import { launchChromium, type Chromium } from '../support/chromium.ts';
import { jpegWithExif } from '../support/builders/photos.ts';
import { consoleWorld, type ConsoleWorld } from '../support/consoleWorld.ts';

const SHOTS = process.env.TMPDIR ?? '/tmp';
/** A phone's viewport (iPhone 12/13/14: 390×844 CSS pixels). */
const PHONE = { width: 390, height: 844 };

/** The code the SMS carried to this phone (the recording sender keeps what the API sent). */
function lastCode(world: ConsoleWorld, phone: string): string {
  const sms = world.deps.sms.sent.filter((s) => s.to === phone).at(-1);
  if (!sms) throw new Error(`no SMS to ${phone}`);
  return /(\d{6})/.exec(sms.body)![1]!;
}

async function verifyPhone(page: Page, world: ConsoleWorld, typed: string, e164: string): Promise<void> {
  await page.fill('input[name="phone"]', typed);
  await page.click('text=获取验证码');
  await page.waitForSelector('input[name="code"]');
  await page.fill('input[name="code"]', lastCode(world, e164));
  await page.click('button:has-text("验证")');
  await page.waitForSelector('[data-verified]');
}

/** Taps the map where a road of the demo city runs (its first vertex), so the pin lands on the city. */
async function tapRoad(page: Page, roadName: string): Promise<void> {
  await page.waitForSelector('[data-map] path.road');
  const point = await page.evaluate((name) => {
    const paths = Array.from(document.querySelectorAll<SVGPathElement>('[data-map] path.road'));
    const path = paths.find((p) => p.querySelector('title')?.textContent === name) ?? paths[0]!;
    const svg = path.ownerSVGElement!;
    const start = path.getPointAtLength(0);
    const p = new DOMPoint(start.x, start.y).matrixTransform(svg.getScreenCTM()!);
    return { x: p.x, y: p.y };
  }, roadName);
  await page.mouse.click(point.x, point.y);
}

describe('the citizens\' report page in Chromium, on a phone', () => {
  let world: ConsoleWorld;
  let browser: Chromium;
  let page: Page;

  beforeAll(async () => {
    [world, browser] = await Promise.all([consoleWorld({ sites: [citizenSite()], storage: 'memory' }), launchChromium(PHONE)]);
    page = await browser.context.newPage();
  }, 120_000);
  afterAll(async () => { await browser?.close(); await world?.close(); });

  it('files an icy bridge with a pin on the city map and a phone verified by SMS code, and opens the reporter\'s status page', async () => {
    const bridge = world.city.roads.find((r) => /桥/.test(r.name)) ?? world.city.roads[0]!;
    await page.goto(`${world.url}/report/`);
    await page.click('label.category:has-text("道路或桥梁结冰")');
    await tapRoad(page, bridge.name);
    await page.waitForSelector('[data-nearby]');
    await page.fill('textarea[name="description"]', '桥面结冰，已有电动车滑倒 <script>alert(1)</script>');
    await page.fill('input[name="address"]', `${bridge.name}北侧`);
    await page.setInputFiles('input[name="photos"]', { name: 'bridge.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpegWithExif()) });
    await page.waitForSelector('[data-photo]');
    await verifyPhone(page, world, '138 0000 7001', '+8613800007001');
    await page.screenshot({ path: `${SHOTS}/snowops-report-form.png`, fullPage: true });
    await page.click('button[type="submit"]');
    const done = await page.waitForSelector('[data-done]');
    const caseId = await done.getAttribute('data-done');
    const cases = (await world.call('GET', '/citizen/cases', 'officer')).json as { cases: { id: string; category: string; description: string; address?: string; photos: { contentType: string }[] }[] };
    const filed = cases.cases.find((c) => c.id === caseId)!;
    expect(filed.category).toBe('icy-road');
    expect(filed.description).not.toContain('<script>');
    expect(filed.address).toBe(`${bridge.name}北侧`);
    expect(filed.photos.map((p) => p.contentType)).toEqual(['image/jpeg']);
    await page.click('[data-status-link]');
    await page.waitForSelector('[data-state="submitted"]');
    expect(await page.textContent('[data-state] h2')).toBe('已受理，等待值班员立案');
    await page.screenshot({ path: `${SHOTS}/snowops-report-status.png`, fullPage: true });
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('shows a second citizen at the same spot the report already there, and adds their voice once the phone is verified', async () => {
    const bridge = world.city.roads.find((r) => /桥/.test(r.name)) ?? world.city.roads[0]!;
    await page.goto(`${world.url}/report/`);
    await tapRoad(page, bridge.name);
    const item = await page.waitForSelector('[data-nearby-report]');
    expect(await item.textContent()).toMatch(/道路或桥梁结冰：1 人上报/);
    await item.$eval('button', (b) => (b as HTMLButtonElement).click());
    expect(await page.textContent('[data-nearby-report] .voiced')).toContain('请先验证手机号');
    await verifyPhone(page, world, '13800007002', '+8613800007002');
    await page.waitForFunction(() => /已附议，共 2 人/.test(document.querySelector('[data-nearby-report] .voiced')?.textContent ?? ''));
    const id = await item.getAttribute('data-nearby-report');
    const one = (await world.call('GET', `/citizen/cases/${id}`, 'officer')).json as { voices: number };
    expect(one.voices).toBe(2);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('says in English what is still missing when the form is sent without a place or a phone', async () => {
    await page.goto(`${world.url}/report/?lang=en`);
    await page.click('label.category:has-text("Uncleared snow")');
    await page.click('button[type="submit"]');
    expect(await page.textContent('[role="alert"]')).toBe('Still needed: where, phone check');
    await page.screenshot({ path: `${SHOTS}/snowops-report-form-en.png`, fullPage: true });
  });

  it('closes the loop: the officer registers and dispatches the icy bridge in the console, the crew answers "3", the officer verifies, and the citizen\'s page says closed and the SMS went out', async () => {
    expect((await world.call('POST', '/activations', 'officer', { level: 'IV', reason: 'citizen loop test: blue warning' })).status).toBe(202);
    const road = world.city.roads.find((r) => r.name === '龙翔街')!;
    await page.goto(`${world.url}/report/`);
    await page.click('label.category:has-text("道路或桥梁结冰")');
    await tapRoad(page, road.name);
    await page.fill('textarea[name="description"]', '龙翔街小桥结冰');
    await verifyPhone(page, world, '13800007003', '+8613800007003');
    await page.click('button[type="submit"]');
    const caseId = (await (await page.waitForSelector('[data-done]')).getAttribute('data-done'))!;
    const statusUrl = (await page.getAttribute('[data-status-link]', 'href'))!;

    const officer = await browser.context.newPage();
    await officer.setViewportSize({ width: 1280, height: 900 });
    await officer.goto(`${world.url}/console/#/cases`);
    await officer.click('button[data-role="duty-officer"]');
    const row = `[data-case="${caseId}"]`;
    await officer.click(`${row} button:has-text("立案")`);
    await officer.waitForSelector(`${row}[data-case-state="registered"]`);
    await officer.click(`${row} button:has-text("派遣")`);
    await officer.waitForSelector(`${row}[data-case-state="dispatched"]`);
    const dispatched = (await world.call('GET', `/citizen/cases/${caseId}`, 'officer')).json as { task: { code: string; activationId: string; taskId: string } };
    const [task] = await world.deps.tasks.getTasks(dispatched.task.activationId, [dispatched.task.taskId]);
    const crew = world.city.crews.find((c) => c.id === task!.crewId)!;
    expect(world.deps.sms.sent.some((s) => s.to === crew.leader.phone && s.body.includes(dispatched.task.code))).toBe(true);

    await handleReply(world.deps, { inboundMessageId: `loop-${caseId}`, from: crew.leader.phone, body: `3 ${dispatched.task.code}` });
    await officer.waitForSelector(`${row}[data-case-state="handled"]`, { timeout: 15_000 });
    await officer.click(`${row} button:has-text("核查通过")`);
    await officer.waitForSelector(`${row}[data-case-state="closed"]`);
    await officer.waitForFunction(() => /结案率 \d+%/.test(document.querySelector('[data-case-figures]')?.textContent ?? ''));
    await officer.screenshot({ path: `${SHOTS}/snowops-console-cases.png`, fullPage: true });

    await page.goto(statusUrl);
    await page.waitForSelector('[data-state="closed"]');
    expect(await page.textContent('[data-state] h2')).toBe('已处置并核查完毕');
    await page.click('button[aria-label="5 星"]');
    await page.waitForSelector('[data-rated="5"]');
    await page.screenshot({ path: `${SHOTS}/snowops-report-closed.png`, fullPage: true });
    const toReporter = world.deps.sms.sent.filter((s) => s.to === '+8613800007003').map((s) => s.body);
    expect(toReporter.some((b) => b.includes('已立案'))).toBe(true);
    expect(toReporter.some((b) => b.includes('已处置完毕') && b.includes(`/report/status.html?case=${caseId}#`))).toBe(true);
    await officer.close();
  }, 90_000);

  it('bans a reporter\'s number from the console behind a confirmation dialog, with the reason, and marks the case', async () => {
    const { cases } = (await world.call('GET', '/citizen/cases', 'officer')).json as { cases: { id: string; banned?: boolean }[] };
    const caseId = cases.find((c) => !c.banned)!.id;
    const officer = await browser.context.newPage();
    await officer.setViewportSize({ width: 1280, height: 900 });
    await officer.goto(`${world.url}/console/#/cases`);
    await officer.click('button[data-role="duty-officer"]');
    const row = `[data-case="${caseId}"]`;
    await officer.click(`${row} button:has-text("封禁号码")`);
    const dialog = `${row} dialog[data-ban-dialog]`;
    await officer.waitForSelector(`${dialog}[open]`);
    expect(await officer.textContent(dialog)).toContain('不再派遣');
    await officer.fill(`${dialog} input`, '一小时内上报 40 条虚假信息');
    await officer.screenshot({ path: `${SHOTS}/snowops-console-ban-dialog.png` });
    await officer.click(`${dialog} button:has-text("封禁号码")`);
    await officer.waitForSelector(`${row} [data-case-banned]`);
    expect(((await world.call('GET', `/citizen/cases/${caseId}`, 'officer')).json as { banned?: boolean }).banned).toBe(true);
    expect(await officer.$(`${row} button:has-text("封禁号码")`)).toBeNull();
    await officer.close();
  }, 60_000);
});
