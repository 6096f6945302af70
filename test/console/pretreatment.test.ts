/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../support/axe.ts';
import { launchChromium, type Chromium } from '../support/chromium.ts';
import { consoleWorld, type ConsoleWorld } from '../support/consoleWorld.ts';

const HOUR_MS = 3_600_000;

describe('a duty officer starts the pre-treatment wave from the console in Chromium', () => {
  let world: ConsoleWorld;
  let browser: Chromium;
  let page: Page;

  beforeAll(async () => {
    [world, browser] = await Promise.all([consoleWorld({ pollMs: 1000, smsPace: { partsPerSecond: 0.1 } }), launchChromium()]);
    // The demo city's jiefang zone on watch for level II, snow 14 h ahead (as the poller writes it beyond the lead time).
    const at = world.clock.now().toISOString();
    const snowAt = new Date(world.clock.now().getTime() + 14 * HOUR_MS).toISOString();
    await world.deps.zoneStates.putZoneState({
      zoneId: 'jiefang', level: 'none', provider: 'open-meteo', lastSuccessAt: at, lastPollAt: at, lastError: null, watch: true, watchLevel: 'II',
      evidence: [{ rule: 'blizzard-6h', level: 'II', provider: 'open-meteo', value: 12.9, threshold: 10, unit: 'mm', windowHours: 6, from: snowAt, to: new Date(Date.parse(snowAt) + 6 * HOUR_MS).toISOString(), gapHours: 0, startsAt: snowAt, watch: true }],
    });
    page = await browser.context.newPage();
  }, 120_000);
  afterAll(async () => { await browser?.close(); await world?.close(); });
  afterEach(() => { expect(world.serverErrors.splice(0)).toEqual([]); });

  it('starts it behind a confirmation naming the zone on watch, once for a double click, and says the wave\'s SMS and their time at the city\'s pace', async () => {
    await page.goto(world.consoleUrl);
    await page.click('button[data-role="duty-officer"]');
    await page.click('[data-action="pretreat"]');
    const zone = world.city.zones.find((z) => z.id === 'jiefang')!;
    expect(await page.textContent('[data-consequence]')).toBe(`${zone.name}（关注中）：撒布车在降雪开始前到达一级道路、桥梁和坡道，在允许使用融雪剂的路段预撒；每个班组收到一条短信`);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.fill('[data-reason]', 'blizzard forecast for tonight: pre-treat');
    await page.dblclick('[data-confirm]');
    await page.waitForSelector('[data-done], [data-problem]', { timeout: 60_000 });
    expect(await page.locator('[data-problem]').allTextContents()).toEqual([]);
    const open = (await world.deps.activations.getOpenActivation())!;
    const tasks = await world.deps.tasks.listTasks(open.id);
    const { messages, parts, seconds } = open.progress!.waveSms!;
    const time = seconds < 90 ? `${Math.max(1, Math.ceil(seconds))} 秒` : `${Math.round(seconds / 60)} 分`;
    expect({
      preTreatment: open.preTreatment?.zoneLevels, spreaders: tasks.length > 0 && tasks.every((t) => t.pass === 'spreader' && t.zoneId === 'jiefang'),
      opened: (await world.deps.activations.listActivations(10)).length, done: await page.textContent('[data-done]'),
    }).toEqual({
      preTreatment: { jiefang: 'II' }, spreaders: true, opened: 1,
      done: `预撒融雪剂 ✓ ${tasks.length} 项任务，${new Set(tasks.map((t) => t.crewId)).size} 个班组；${open.progress!.shortfalls ?? 0} 处缺口；第 1 批短信：${messages} 条（${parts} 段），按本市速率约需 ${time}`,
    });
  }, 90_000);
});
