/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: Promise<string> | undefined;

export interface AxeFinding { id: string; impact: string; help: string; nodes: string[] }

/**
 * axe-core's critical and serious findings on the page as it is now. The engine is evaluated through
 * the DevTools protocol, so the console's CSP (no inline script) stays on while it runs.
 */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const engine = await source;
  return page.evaluate(async (code) => {
    if (!(window as unknown as { axe?: unknown }).axe) (0, eval)(code);
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }, engine);
}
