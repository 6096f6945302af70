/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleReply } from '../../functions/core/replies/handleReply.ts';
import { seriousAxeFindings } from '../support/axe.ts';
import { launchChromium, type Chromium } from '../support/chromium.ts';
import { consoleWorld, type ConsoleWorld } from '../support/consoleWorld.ts';

const SHOTS = process.env.TMPDIR ?? '/tmp';

/** Presses Tab until the focused element matches `selector` (at most `max` times); fails if it never does. */
async function tabTo(page: Page, selector: string, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Signs in as `role` from the keyboard: Tab to the role's button, Enter. */
async function signIn(page: Page, url: string, role: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('button[data-role]');
  await tabTo(page, `button[data-role="${role}"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-board]');
}

/** Chooses `level` in the level picker with the arrow keys. */
async function chooseLevel(page: Page, level: string): Promise<void> {
  await page.focus('[data-level-select]');
  const order = ['IV', 'III', 'II', 'I'];
  const now = await page.$eval('[data-level-select]', (s) => (s as HTMLSelectElement).value);
  const steps = order.indexOf(level) - order.indexOf(now);
  for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
  expect(await page.$eval('[data-level-select]', (s) => (s as HTMLSelectElement).value)).toBe(level);
}

/** From the level picker: Tab to the action's button, Enter, type the reason, Tab to Confirm, Enter; waits for the result. */
async function confirmFromKeyboard(page: Page, action: string, reason: string): Promise<void> {
  await tabTo(page, `[data-action="${action}"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('dialog [data-reason]');
  await tabTo(page, 'dialog [data-reason]');
  await page.keyboard.type(reason);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-confirm'))).toBe(true);
  await page.keyboard.press('Enter');
  // Done when the dialog has closed (a refusal keeps it open with the problem in it).
  await page.waitForSelector('dialog [data-problem], [data-controls]:not(:has(dialog)) [data-done]', { timeout: 80_000 });
  expect(await page.locator('[data-problem]').allTextContents()).toEqual([]);
}

describe('every console action from the keyboard, and every page without serious accessibility findings, in Chromium', () => {
  let world: ConsoleWorld;
  let browser: Chromium;
  let page: Page;
  let activationId: string;

  beforeAll(async () => {
    [world, browser] = await Promise.all([consoleWorld({ pollMs: 1000, storage: 'memory' }), launchChromium()]);
    page = await browser.context.newPage();
  }, 120_000);
  afterAll(async () => { await browser?.close(); await world?.close(); });

  it('lets a duty officer preview, activate, upgrade and downgrade from the keyboard alone', async () => {
    await signIn(page, world.consoleUrl, 'duty-officer');
    await page.waitForSelector('[data-controls]');
    await chooseLevel(page, 'IV');
    await tabTo(page, '[data-action="preview"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-preview]');
    await page.focus('[data-level-select]');
    await confirmFromKeyboard(page, 'activate', 'keyboard: CMA blue warning');
    activationId = (await world.deps.activations.getOpenActivation())!.id;
    expect((await world.deps.activations.getOpenActivation())?.level).toBe('IV');
    await page.waitForSelector('[data-level]:has-text("IV")');
    await chooseLevel(page, 'III');
    await confirmFromKeyboard(page, 'upgrade', 'keyboard: CMA yellow warning');
    expect((await world.deps.activations.getOpenActivation())?.level).toBe('III');
    await page.waitForSelector('[data-level]:has-text("III")');
    await chooseLevel(page, 'IV');
    await confirmFromKeyboard(page, 'downgrade', 'keyboard: forecast easing');
    expect((await world.deps.activations.getOpenActivation())?.level).toBe('IV');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/snowops-console-officer.png`, fullPage: true });
  }, 240_000);

  it('lets a duty officer open a task\'s history and answer an unreadable reply by SMS from the keyboard', async () => {
    await page.goto(`${world.consoleUrl}#/tasks`);
    await page.waitForSelector('[data-action="history"]');
    await page.focus('[data-action="history"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-history]');
    expect(await seriousAxeFindings(page)).toEqual([]);

    const leader = world.deps.sms.sent[0]!.to;
    await handleReply(world.deps, { inboundMessageId: 'keyboard-1', from: leader, body: '铲子断了' });
    await page.goto(`${world.consoleUrl}#/attention`);
    await page.waitForSelector('[data-kind="unparsed-reply"] [data-action="message"]');
    await page.focus('[data-kind="unparsed-reply"] [data-action="message"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog [data-message-text]');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await tabTo(page, 'dialog [data-message-text]');
    await page.keyboard.type('备用铲十分钟后送到。');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-send'))).toBe(true);
    const before = world.deps.sms.sent.length;
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-sent]');
    expect(world.deps.sms.sent.slice(before).map((m) => m.to)).toEqual([leader]);
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog', { state: 'detached' });
  }, 60_000);

  it('lets a duty officer stand down and switch the language from the keyboard', async () => {
    await page.goto(`${world.consoleUrl}#/board`);
    await page.waitForSelector('[data-controls]');
    await page.focus('[data-level-select]');
    await confirmFromKeyboard(page, 'stand-down', 'keyboard: snow stopped');
    expect(await world.deps.activations.getOpenActivation()).toBeUndefined();
    await page.focus('header button.link');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.textContent('[data-controls] h2')).toBe('Response level');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  }, 120_000);

  it('shows no serious accessibility findings on any page a duty officer has', async () => {
    const found: Record<string, unknown[]> = {};
    for (const path of ['#/board', '#/wall', '#/attention', '#/tasks', '#/cases', `#/log?stream=${activationId}`, '#/activations', `#/report?id=${activationId}`]) {
      await page.goto(`${world.consoleUrl}${path}`);
      await page.waitForSelector(path === '#/wall' ? '.wall [data-road]' : 'main [aria-label]');
      found[path] = await seriousAxeFindings(page);
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((p) => [p, []])));
  }, 120_000);

  it('writes the log\'s times year-month-day in the city\'s zone and reads the typed time window there too', { timeout: 60_000 }, async () => {
    await page.goto(`${world.consoleUrl}#/log?stream=${activationId}`);
    await page.waitForSelector('[data-timeline] li time');
    const times = await page.$$eval('[data-timeline] li time', (els) => els.map((e) => ({ text: e.textContent, at: e.getAttribute('datetime') })));
    const inCity = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: world.city.plan.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(iso));
    for (const t of times) expect(t.text).toBe(inCity(t.at!));
    // Everything happened at 08:00 in 焦作 (00:00 UTC): a window ending 07:59 there holds nothing; read as UTC it would hold it all.
    await page.focus('[data-log-to]');
    await page.keyboard.type('2026-12-14 07:59');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.querySelectorAll('[data-timeline] li').length === 0);
    await page.fill('[data-log-to]', '2026-12-14 08:01');
    await page.keyboard.press('Tab');
    await page.waitForSelector('[data-timeline] li');
    await page.fill('[data-log-to]', '14/12/2026');
    await page.keyboard.press('Tab');
    expect(await page.getAttribute('[data-log-to]', 'aria-invalid')).toBe('true');
  });

  it('lets a manager export the log from the keyboard, and shows a manager\'s pages without serious findings', async () => {
    await page.focus('header button.link:last-of-type');
    await page.keyboard.press('Enter');
    await signIn(page, world.consoleUrl, 'manager');
    const found: Record<string, unknown[]> = {};
    for (const path of ['#/board', `#/log?stream=${activationId}`, '#/activations', `#/report?id=${activationId}`]) {
      await page.goto(`${world.consoleUrl}${path}`);
      await page.waitForSelector('main [aria-label]');
      found[path] = await seriousAxeFindings(page);
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((p) => [p, []])));
    await page.waitForSelector('[data-export="csv"]', { timeout: 60_000 });
    await page.focus('[data-export="csv"]');
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(await readFile((await file.path())!, 'utf8')).toContain('activation.stood-down');
    // After stand-down, the log and the report named by no id open on the latest activation (not a 404 for "current").
    await page.goto(`${world.consoleUrl}#/report`);
    await page.waitForSelector(`[data-report] h2:has-text("${activationId}")`);
    await page.goto(`${world.consoleUrl}#/log`);
    await page.waitForSelector('[data-action-name="activation.stood-down"]');
    expect(await page.locator('[data-log] [role="alert"]').count()).toBe(0);
    await page.goto(`${world.consoleUrl}#/board`);
    await page.waitForSelector('[data-board]');
    await page.screenshot({ path: `${SHOTS}/snowops-console-manager.png`, fullPage: true });
  }, 120_000);

  it('lets an administrator switch a vehicle to maintenance with the space bar and send an import from the keyboard', async () => {
    await page.focus('header button.link:last-of-type');
    await page.keyboard.press('Enter');
    await signIn(page, world.consoleUrl, 'admin');
    await page.goto(`${world.consoleUrl}#/registry`);
    const vehicle = (await world.deps.registry.listVehicles()).find((v) => v.status === 'ready')!;
    await page.waitForSelector('[data-registry]');
    await page.focus('[data-kind-tab="vehicles"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-ready-switch="${vehicle.id}"]`);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.focus(`[data-ready-switch="${vehicle.id}"]`);
    await page.keyboard.press('Space');
    // The switch flips in the page at once; the status column changes only when the saved record is read back.
    await page.waitForFunction((id) => document.querySelector(`[data-record="${id}"] td:nth-child(6)`)?.textContent === 'maintenance', vehicle.id);
    expect((await world.deps.registry.listVehicles()).find((v) => v.id === vehicle.id)!.status).toBe('maintenance');
    // The file choice is a labelled control Tab reaches; Space opens the browser's picker, where the file is chosen.
    await page.focus('[data-import-kind]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-import-file'))).toBe(true);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent?.trim())).toMatch(/^文件/);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles(new URL('../fixtures/registry/roads.bad.csv', import.meta.url).pathname);
    // Send is enabled once the page has read the chosen file; until then Tab passes over the disabled button.
    await page.waitForSelector('[data-import-send]:not([disabled])');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-import-send'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-import-errors]');
  }, 60_000);
});
