/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../support/axe.ts';
import { launchChromium, type Chromium } from '../support/chromium.ts';
import { consoleWorld, type ConsoleWorld } from '../support/consoleWorld.ts';

// Snow from the third hour: 2.5 mm an hour fills the plan's 6 h ≥ 10 mm (II) at the end of hour 6, and 15 mm (I) at the end of hour 8; one gap.
const HOURLY = [0, 0, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, null, 0.5, 0];

async function signIn(page: Page, url: string, role: string, hash = ''): Promise<void> {
  await page.goto(`${url}${hash}`);
  // From the keyboard, as every action must work: focus the role's button and press Enter.
  await page.focus(`button[data-role="${role}"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-board]');
}

describe('the status board in Chromium', () => {
  let world: ConsoleWorld;
  let browser: Chromium;
  let page: Page;

  beforeAll(async () => {
    [world, browser] = await Promise.all([consoleWorld({ pollMs: 1000, storage: 'memory' }), launchChromium({ width: 1920, height: 1080 })]);
    const opened = await world.call('POST', '/activations', 'officer', { level: 'II', reason: 'wall board test: CMA orange warning' });
    expect(opened.status).toBe(202);
    // The first zone's forecast as the poller stores it (snow water per hour from now); the second's is stale.
    const at = world.clock.now();
    const [first, second] = world.city.zones;
    await world.deps.zoneStates.putZoneState({ zoneId: first!.id, level: 'II', evidence: [], provider: 'open-meteo', lastSuccessAt: at.toISOString(), lastPollAt: at.toISOString(), lastError: null, hourly: { from: at.toISOString(), snowWaterMm: HOURLY } });
    const old = new Date(at.getTime() - 3 * 3_600_000).toISOString();
    await world.deps.zoneStates.putZoneState({ zoneId: second!.id, level: 'none', evidence: [], provider: 'open-meteo', lastSuccessAt: old, lastPollAt: at.toISOString(), lastError: 'HTTP 503', hourly: { from: old, snowWaterMm: [0, 0.5, 0.5] } });
    // The other zones have forecasts too, as in a storm: every zone's strip takes its full height on the wall.
    for (const z of world.city.zones.slice(2)) await world.deps.zoneStates.putZoneState({ zoneId: z.id, level: 'II', evidence: [{ rule: 'blizzard-6h', level: 'II', provider: 'open-meteo', value: 12.9, threshold: 10, unit: 'mm', windowHours: 6, from: at.toISOString(), to: new Date(at.getTime() + 6 * 3_600_000).toISOString(), gapHours: 0, startsAt: at.toISOString() }], provider: 'open-meteo', lastSuccessAt: at.toISOString(), lastPollAt: at.toISOString(), lastError: null, hourly: { from: at.toISOString(), snowWaterMm: HOURLY } });
    page = await browser.context.newPage();
  }, 120_000);
  afterAll(async () => { await browser?.close(); await world?.close(); });

  it('shows no critical or serious accessibility findings on the sign-in page', async () => {
    await page.goto(world.consoleUrl);
    await page.waitForSelector('button[data-role]');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('draws every road of the demo city on the 1920×1080 wall board, coloured as the API reports, with the zones in level II orange', async () => {
    await signIn(page, world.consoleUrl, 'manager', '#/wall');
    await page.waitForFunction((n) => document.querySelectorAll('[data-road]').length === n, world.city.roads.length);
    const board = (await world.call('GET', '/board', 'manager')).json as { roads: Record<string, string> };
    const drawn = await page.$$eval('[data-road]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-road'), e.getAttribute('data-state')])));
    for (const road of world.city.roads) expect(drawn[road.id]).toBe(board.roads[road.id] ?? 'out');
    const zoneStrokes = await page.$$eval('[data-zone]', (els) => els.map((e) => getComputedStyle(e).stroke));
    expect(zoneStrokes.length).toBe(world.city.zones.length);
    for (const stroke of zoneStrokes) expect(stroke).toBe('rgb(255, 138, 31)');
    expect(await page.textContent('[data-level]')).toBe('II');
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/snowops-wall-test.png` });
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('shows every zone\'s card whole beside the map on the 1920×1080 wall, each with its forecast strip', async () => {
    const wall = await browser.context.newPage();
    await signIn(wall, world.consoleUrl, 'manager', '#/wall');
    await wall.waitForFunction((n) => document.querySelectorAll('[data-zone-row] .forecast-strip').length === n, world.city.zones.length);
    const panel = await wall.$eval('.zones-panel', (e) => e.getBoundingClientRect().bottom);
    const cards = await wall.$$eval('[data-zone-row]', (els) => els.map((e) => ({ zone: e.getAttribute('data-zone-row'), bottom: e.getBoundingClientRect().bottom })));
    await wall.close();
    expect(cards).toHaveLength(world.city.zones.length);
    for (const card of cards) expect({ zone: card.zone, cut: card.bottom > panel + 0.5 || card.bottom > 1080 }).toEqual({ zone: card.zone, cut: false });
  });

  it('draws each zone\'s forecast strip: an hour per bar, the plan\'s thresholds, the trigger times, and a stale one in red', async () => {
    const [first, second] = world.city.zones;
    const strip = await page.waitForSelector(`[data-strip="${first!.id}"]`);
    expect(await strip.$$eval('[data-hour]', (els) => els.length)).toBe(HOURLY.length);
    expect(await strip.$$eval('[data-threshold]', (els) => els.map((e) => e.getAttribute('data-threshold')).sort())).toEqual(world.city.plan.blizzardThresholds.map((t) => t.level).sort());
    const start = world.clock.now().getTime();
    const local = (h: number) => new Intl.DateTimeFormat('en-GB', { timeZone: world.city.plan.timeZone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(start + h * 3_600_000)).reduce((acc, p) => ({ ...acc, [p.type]: p.value }), {} as Record<string, string>);
    const at = (h: number) => { const p = local(h); return `${p.month}-${p.day} ${p.hour}:${p.minute}`; };
    expect(await strip.$eval('[data-mark-time="trigger-II"]', (e) => e.textContent)).toBe(`II ${at(6)}`);
    expect(await strip.$eval('[data-mark-time="trigger-I"]', (e) => e.textContent)).toBe(`I ${at(8)}`);
    expect(await strip.$eval('[data-mark-time="watch"]', (e) => e.textContent)).toBe(`降雪开始 ${at(2)}`);
    // The bar of hour 7 closes a 6 h window of 15 mm: red (I); hour 2's window holds 2.5 mm, under every threshold.
    expect(await strip.$$eval('[data-hour="7"], [data-hour="2"]', (els) => els.map((e) => getComputedStyle(e).fill))).toEqual(['rgb(124, 196, 255)', 'rgb(255, 75, 75)']);
    const stale = await page.waitForSelector(`[data-strip="${second!.id}"]`);
    expect({ stale: await stale.getAttribute('data-stale'), fill: await stale.$eval('.bar', (e) => getComputedStyle(e).fill) }).toEqual({ stale: 'true', fill: 'rgb(255, 75, 75)' });
  });

  it('says the connection is lost, with the age of the data it keeps showing, when the API stops, and recovers when it is back', async () => {
    await world.stop();
    const lost = await page.waitForSelector('[data-status="lost"]', { timeout: 10_000 });
    expect(await lost.textContent()).toMatch(/连接中断 · 数据已过 \d+ 秒/);
    expect(await page.locator('[data-road]').count()).toBe(world.city.roads.length);
    await world.restart();
    await page.waitForSelector('[data-status="ok"]', { timeout: 10_000 });
    expect(await page.textContent('[data-status="ok"]')).toMatch(/更新于 \d\d:\d\d:\d\d/);
  });
});
