/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handleReply } from '../../functions/core/replies/handleReply.ts';
import { seriousAxeFindings } from '../support/axe.ts';
import { launchChromium, type Chromium } from '../support/chromium.ts';
import { consoleWorld, type ConsoleWorld } from '../support/consoleWorld.ts';

// What the poller writes when the recorded Jiaozuo storm reaches level II (local/storms, poll 1).
const EVIDENCE = { rule: 'blizzard-6h', level: 'II' as const, provider: 'open-meteo', value: 12.857, threshold: 10, unit: 'mm snow water', windowHours: 6, from: '2026-12-14T11:00:00.000Z', to: '2026-12-14T17:00:00.000Z', gapHours: 0 };

describe('a duty officer runs a storm from the console in Chromium', () => {
  let world: ConsoleWorld;
  let browser: Chromium;
  let page: Page;

  beforeAll(async () => {
    [world, browser] = await Promise.all([consoleWorld({ pollMs: 1000, smsPace: { partsPerSecond: 0.1 }, storage: 'memory' }), launchChromium()]);
    const at = world.clock.now().toISOString();
    for (const zone of world.city.zones) {
      await world.deps.zoneStates.putZoneState({ zoneId: zone.id, level: 'II', evidence: [EVIDENCE], provider: 'open-meteo', lastSuccessAt: at, lastPollAt: at, lastError: null });
    }
    page = await browser.context.newPage();
  }, 120_000);
  afterAll(async () => { await browser?.close(); await world?.close(); });
  // A 500 is never a load effect to wait out: any unexpected API error fails the step it happened in, with its cause.
  afterEach(() => { expect(world.serverErrors.splice(0)).toEqual([]); });

  it('signs in from the keyboard and sees the forecast level and its evidence', async () => {
    await page.goto(world.consoleUrl);
    await page.focus('button[data-role="duty-officer"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-controls]');
    expect(await page.textContent('[data-level]')).toBe('II');
    expect(await page.textContent(`[data-zone-row="${world.city.zones[0]!.id}"]`)).toContain('暴雪：6 小时雪水当量 12.9 毫米 ≥ 10 毫米 → II');
  });

  it('previews level II as a table and a map of what would be booked, writing nothing', async () => {
    await page.selectOption('[data-level-select]', 'II');
    await page.click('[data-action="preview"]');
    const preview = await page.waitForSelector('[data-preview]');
    expect(await preview.textContent()).toMatch(/预览 II: 将为 \d+ 个班组生成 \d+ 项任务/);
    expect(await page.locator('[data-preview] [data-state="planned"]').count()).toBeGreaterThan(0);
    expect(await world.deps.activations.getOpenActivation()).toBeUndefined();
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('activates level II behind a confirmation that states the tasks, crews and SMS, and sees the tasks on the map', async () => {
    await page.click('[data-action="activate"]');
    const consequence = await page.textContent('[data-consequence]');
    // At 0.1 parts a second the demo city's first wave takes minutes: said in whole minutes.
    expect(consequence).toMatch(/^将为 (\d+) 个班组生成 (\d+) 项任务，发送 \d+ 条短信，按本市短信速率约需 (\d+ 小时 )?\d+ 分$/);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.fill('[data-reason]', 'CMA orange blizzard warning, 12.9 mm in 6 h');
    // A double click acts once: one Idempotency-Key per confirmation.
    await page.dblclick('[data-confirm]');
    // The answer comes at once; the console then follows the planning and the first wave until it is active.
    await page.waitForSelector('[data-progress]', { timeout: 30_000 });
    await page.waitForSelector('[data-done], [data-problem]', { timeout: 80_000 });
    expect(await page.getAttribute('[data-progress]', 'data-phase')).toBe('active');
    expect(await page.locator('[data-problem]').allTextContents()).toEqual([]);
    expect(await page.textContent('[data-done]')).toMatch(/启动 ✓ \d+ 项任务，\d+ 个班组/);
    const open = await world.deps.activations.getOpenActivation();
    expect(open?.level).toBe('II');
    const tasks = await world.deps.tasks.listTasks(open!.id);
    expect(Number(/生成 (\d+) 项任务/.exec(consequence!)![1])).toBe(tasks.length);
    await page.waitForFunction(() => document.querySelectorAll('.roads [data-state="dispatched"]').length > 0);
    // The board says the wave's SMS and their time at the pace, from the activation's progress.
    const waveSms = open!.progress!.waveSms!;
    expect(await page.textContent('[data-wave-sms]')).toBe(`第 1 批短信：${waveSms.messages} 条（${waveSms.parts} 段），按本市速率约需 ${Math.round(waveSms.seconds / 60)} 分`);
    expect((await world.deps.log.list(open!.id)).filter((e) => e.action === 'activation.opened')).toHaveLength(1);
  }, 90_000);

  it('sees a crew leader\'s "1" turn the crew\'s tasks acknowledged within one refresh', async () => {
    await page.goto(`${world.consoleUrl}#/tasks`);
    await page.waitForSelector('[data-task-row]');
    const first = world.deps.sms.sent[0]!;
    const open = (await world.deps.activations.getOpenActivation())!;
    const crewTasks = (await world.deps.tasks.listTasks(open.id)).filter((t) => t.crewId === world.city.crews.find((c) => c.leader.phone === first.to)!.id);
    await handleReply(world.deps, { inboundMessageId: 'console-1', from: first.to, body: '1' });
    await page.waitForSelector(`[data-task-row="${crewTasks[0]!.code}"] [data-state="acknowledged"]`, { timeout: 4000 });
  });

  it('shows a reply the parser could not read in the queue and answers the crew with one SMS, segments shown before sending', async () => {
    // A Chinese-speaking leader: the officer's message is rendered in the leader's language.
    const leader = world.deps.sms.sent.map((m) => m.to).find((to) => world.city.crews.find((c) => c.leader.phone === to)?.leader.language === 'zh-CN')!;
    await handleReply(world.deps, { inboundMessageId: 'console-2', from: leader, body: '车坏了怎么办' });
    await page.goto(`${world.consoleUrl}#/attention`);
    const item = await page.waitForSelector('[data-kind="unparsed-reply"]');
    expect(await item.textContent()).toContain('车坏了怎么办');
    // Said from the API's reason code in Chinese, not its English sentence.
    expect(await page.textContent('[data-kind="unparsed-reply"] [data-detail]')).toMatch(/的回复无法识别，已回复帮助短信$/);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.click('[data-kind="unparsed-reply"] [data-action="message"]');
    await page.fill('[data-message-text]', '请原地等待，备用车十分钟后到。');
    expect(await page.textContent('[data-segments]')).toContain('1 条短信 · UCS-2');
    const before = world.deps.sms.sent.length;
    await page.dblclick('[data-send]');
    await page.waitForSelector('[data-sent]');
    expect(world.deps.sms.sent.slice(before)).toEqual([expect.objectContaining({ to: leader, body: '值班员：请原地等待，备用车十分钟后到。', template: expect.objectContaining({ name: 'officer.message' }) })]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelectorAll('[data-kind="unparsed-reply"]').length === 0);
  });

  it('reassigns a task with pickers that offer only eligible crews and vehicles', async () => {
    await page.goto(`${world.consoleUrl}#/tasks`);
    await page.waitForSelector('[data-action="reassign"]');
    expect(await seriousAxeFindings(page)).toEqual([]);
    const code = await page.getAttribute('[data-action="reassign"]', 'data-task');
    await page.click(`[data-action="reassign"][data-task="${code}"]`);
    await page.waitForSelector('[data-crew-select]');
    const open = (await world.deps.activations.getOpenActivation())!;
    const task = (await world.deps.tasks.listTasks(open.id)).find((t) => t.code === code)!;
    const offered = await page.$$eval('[data-vehicle-select] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    for (const id of offered) expect(world.city.vehicles.find((v) => v.id === id)).toMatchObject({ class: task.pass, status: 'ready' });
    const crews = await page.$$eval('[data-crew-select] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    const target = crews.find((c) => c !== task.crewId)!;
    await page.selectOption('[data-crew-select]', target);
    await page.fill('[data-reason]', 'crew reported a breakdown');
    await page.click('[data-confirm]');
    await page.waitForSelector(`[data-task-row="${code}"]:has-text("${target}")`, { timeout: 5000 });
    expect((await world.deps.tasks.listTasks(open.id)).find((t) => t.code === code)!.crewId).toBe(target);
  });

  it('reassigns a task from the keyboard alone: Enter opens the dialog, Tab and the arrow keys fill it, Enter confirms', async () => {
    const open = (await world.deps.activations.getOpenActivation())!;
    const code = (await page.$$eval('[data-action="reassign"]', (bs) => bs.map((b) => b.getAttribute('data-task')!)))[1]!;
    const before = (await world.deps.tasks.listTasks(open.id)).find((t) => t.code === code)!;
    await page.focus(`[data-action="reassign"][data-task="${code}"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog [data-crew-select]');
    for (let i = 0; i < 6 && !(await page.evaluate(() => document.activeElement?.hasAttribute('data-crew-select'))); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-crew-select'))).toBe(true);
    const offered = await page.$$eval('[data-crew-select] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    const target = offered.find((c) => c !== before.crewId)!;
    for (let i = 0; i < offered.indexOf(target); i++) await page.keyboard.press('ArrowDown');
    expect(await page.$eval('[data-crew-select]', (s) => (s as HTMLSelectElement).value)).toBe(target);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('leader called in sick');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-confirm'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-task-row="${code}"]:has-text("${target}")`, { timeout: 5000 });
    const after = (await world.deps.tasks.listTasks(open.id)).find((t) => t.code === code)!;
    expect(after.crewId).toBe(target);
  });

  it('stands down behind a confirmation and the board says so', async () => {
    await page.goto(`${world.consoleUrl}#/board`);
    await page.click('[data-action="stand-down"]');
    expect(await page.textContent('[data-consequence]')).toContain('项未完成任务');
    await page.fill('[data-reason]', 'snow stopped, forecasters agree');
    await page.click('[data-confirm]');
    await page.waitForSelector('[data-done]');
    expect(await world.deps.activations.getOpenActivation()).toBeUndefined();
    await page.waitForSelector('[data-kpi="since"]:has-text("已解除")');
    // Every open task was cancelled: the tier-1 share says what is known, never "100 % · 0 / 0 km".
    const tier1 = await page.textContent('[data-kpi="tier1"]');
    expect(tier1).not.toMatch(/100%.*0 \/ 0 km/);
    expect(tier1).toMatch(/—无一级道路任务|\d+%\d+(\.\d+)? \/ \d+(\.\d+)? km · 最终/);
    // The after-action figures of the activation just stood down, from its report.
    expect(await (await page.waitForSelector('[data-after-action] [data-figure="acknowledged"]')).textContent()).toMatch(/^[1-9]\d*\/\d+/);
  });
});
