/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../support/axe.ts';
import { launchChromium, type Chromium } from '../support/chromium.ts';
import { consoleWorld, type ConsoleWorld } from '../support/consoleWorld.ts';

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
    [world, browser] = await Promise.all([consoleWorld({ pollMs: 1000 }), launchChromium({ width: 1920, height: 1080 })]);
    const opened = await world.call('POST', '/activations', 'officer', { level: 'II', reason: 'wall board test: CMA orange warning' });
    expect(opened.status).toBe(201);
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
