/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleReply } from '../../functions/core/replies/handleReply.ts';
import { seriousAxeFindings } from '../support/axe.ts';
import { launchChromium, type Chromium } from '../support/chromium.ts';
import { consoleWorld, type ConsoleWorld } from '../support/consoleWorld.ts';

const BAD_ROADS = new URL('../fixtures/registry/roads.bad.csv', import.meta.url);
const ACTIONS = '[data-action="activate"], [data-action="upgrade"], [data-action="downgrade"], [data-action="stand-down"], [data-action="reassign"], [data-action="message"]';

async function signIn(page: Page, url: string, role: string): Promise<void> {
  await page.goto(url);
  await page.click(`button[data-role="${role}"]`);
  await page.waitForSelector('[data-board]');
}

describe('a manager and an administrator in the console in Chromium', () => {
  let world: ConsoleWorld;
  let browser: Chromium;
  let page: Page;

  beforeAll(async () => {
    [world, browser] = await Promise.all([consoleWorld({ pollMs: 1000, storage: 'memory' }), launchChromium()]);
    expect((await world.call('POST', '/activations', 'officer', { level: 'II', reason: 'manager test: CMA orange warning' })).status).toBe(202);
    await handleReply(world.deps, { inboundMessageId: 'mgr-1', from: world.deps.sms.sent[0]!.to, body: '1' });
    page = await browser.context.newPage();
  }, 120_000);
  afterAll(async () => { await browser?.close(); await world?.close(); });

  it('shows a manager the board and the tasks with no action buttons', async () => {
    await signIn(page, world.consoleUrl, 'manager');
    await page.waitForSelector('[data-controls]');
    expect(await page.locator(ACTIONS).count()).toBe(0);
    await page.goto(`${world.consoleUrl}#/tasks`);
    await page.waitForSelector('[data-task-row]');
    expect(await page.locator(ACTIONS).count()).toBe(0);
    expect(await page.locator('nav a[href="#/registry"]').count()).toBe(0);
  });

  it('shows a manager the response log as a timeline with the reply in it', async () => {
    await page.goto(`${world.consoleUrl}#/log`);
    await page.waitForSelector('[data-action-name="activation.opened"]');
    expect(await page.locator('[data-action-name="reply.ack"]').count()).toBe(1);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('shows a manager the 403 of a forced activation as a sentence, and nothing changes', async () => {
    await page.goto(`${world.consoleUrl}#/activate?level=I`);
    await page.waitForSelector('[data-consequence]');
    await page.fill('[data-reason]', 'trying what a manager may not do');
    await page.click('[data-confirm]');
    const problem = await page.waitForSelector('[data-problem]');
    // Said in the console's language from the API's reason code, not the API's English sentence.
    expect(await problem.textContent()).toBe('Manager-demo（管理者）无权启动响应；需要值班员权限。');
    expect((await world.deps.activations.getOpenActivation())?.level).toBe('II');
  });

  it('shows the after-action report with its coverage chart in the page, and exports the log as CSV', async () => {
    await page.goto(`${world.consoleUrl}#/report`);
    await page.waitForSelector('[data-coverage] polyline, [data-report] [role="alert"]', { timeout: 60_000, state: 'attached' });
    expect(await page.locator('[data-report] [role="alert"]').allTextContents()).toEqual([]);
    expect(await page.textContent('[data-figure="acknowledged"]')).toMatch(/^[1-9]\d*\//);
    // The coverage line in zh-CN, one tier after another: "1 级道路 40%（目标 2 小时）；2 级道路 …".
    expect(await page.textContent('.coverage-chart figcaption')).toMatch(/^1 级道路 \d+(\.\d+)?%（目标 \d+(\.\d+)? 小时(，已达成|，未达成)?）(；\d 级道路 .+)?$/);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="csv"]')]);
    expect(file.suggestedFilename()).toMatch(/-log\.csv$/);
    expect(await readFile((await file.path())!, 'utf8')).toContain('activation.opened');
    expect(await seriousAxeFindings(page)).toEqual([]);
  }, 90_000);

  it('shows an administrator each bad cell of an imported CSV against its line and column, and writes nothing', async () => {
    const before = await world.deps.registry.listRoads();
    await page.goto(world.consoleUrl);
    await page.click('button[data-role="admin"]');
    await page.waitForSelector('[data-board]');
    await page.goto(`${world.consoleUrl}#/registry`);
    await page.selectOption('[data-import-kind]', 'roads');
    await page.setInputFiles('[data-import-file]', BAD_ROADS.pathname);
    await page.click('[data-import-send]');
    const errors = await page.waitForSelector('[data-import-errors]');
    expect(await errors.textContent()).toContain('Nothing was imported');
    expect(await page.textContent('[data-error-line="3"]')).toContain('tier');
    expect(await world.deps.registry.listRoads()).toEqual(before);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('lets an administrator switch a vehicle from ready to maintenance', async () => {
    const vehicle = (await world.deps.registry.listVehicles()).find((v) => v.status === 'ready' && !['V01'].includes(v.id))!;
    await page.click(`[data-ready-switch="${vehicle.id}"]`);
    // The switch flips in the page at once; the status column changes only when the saved record is read back.
    await page.waitForFunction((id) => document.querySelector(`[data-record="${id}"] td:nth-child(6)`)?.textContent === 'maintenance', vehicle.id);
    expect((await world.deps.registry.listVehicles()).find((v) => v.id === vehicle.id)!.status).toBe('maintenance');
  });
});
