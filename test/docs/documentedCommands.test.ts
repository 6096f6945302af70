import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerCommands } from '../../local/cli/commands/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const documents = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const text = (path: string) => readFileSync(join(root, path), 'utf8');
const scripts = JSON.parse(text('package.json')).scripts as Record<string, string>;

/** Lines of the documents' fenced shell blocks, continuations joined, comments dropped. */
function shellLines(path: string): string[] {
  const blocks = [...text(path).matchAll(/```(?:sh|bash)\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((b) => b.replace(/\\\n\s*/g, ' ').split('\n')).map((l) => l.replace(/\s+#\s.*$/, '').trim()).filter(Boolean);
}

const words = (line: string) => line.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];

/** What is wrong with one documented `npx snowops …` line: an unknown command or an option it does not take. */
function cliProblem(line: string, program: Command): string | undefined {
  const args = words(line.slice(line.indexOf('npx snowops') + 'npx snowops'.length));
  const chain = [program];
  for (const arg of args) {
    const sub = chain.at(-1)!.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (!sub) break;
    chain.push(sub);
  }
  if (chain.length === 1) return `unknown command in "${line}"`;
  const known = new Set(chain.flatMap((c) => c.options.map((o) => o.long)).concat('--help'));
  const flags = args.filter((a) => a.startsWith('--')).map((a) => a.split('=')[0]!);
  const unknown = flags.filter((f) => !known.has(f));
  return unknown.length > 0 ? `"${chain.map((c) => c.name()).join(' ')}" takes no ${unknown.join(', ')} (in "${line}")` : undefined;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');

function linkProblems(path: string): string[] {
  const links = [...text(path).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/i.test(l));
  return links.flatMap((link) => {
    const [file, anchor] = link.split('#') as [string, string | undefined];
    const target = file === '' ? join(root, path) : join(root, dirname(path), file);
    if (!existsSync(target)) return [`${path}: ${link} names no file`];
    if (!anchor || !target.endsWith('.md')) return [];
    const anchors = [...readFileSync(target, 'utf8').matchAll(/^#+ (.+)$/gm)].map((m) => anchorOf(m[1]!));
    return anchors.includes(anchor) ? [] : [`${path}: ${link} names no heading of ${relative(root, target)}`];
  });
}

describe('the README and docs say only what the project does', () => {
  it('every npx snowops line names a command of the CLI and only options that command takes', () => {
    const program = registerCommands(new Command('snowops'));
    const lines = documents.flatMap(shellLines).filter((l) => l.includes('npx snowops'));
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.map((l) => cliProblem(l, program)).filter(Boolean)).toEqual([]);
  });

  it('every npm run script the documents name is in package.json', () => {
    const named = documents.flatMap((d) => [...text(d).matchAll(/npm run ([\w:-]+)/g)].map((m) => ({ doc: d, script: m[1]! })));
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter(({ script }) => !(script in scripts))).toEqual([]);
  });

  it('every link between the documents reaches a file, and a heading where it names one', () => {
    expect(documents.flatMap(linkProblems)).toEqual([]);
  });
});
