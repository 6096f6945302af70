import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Issue 13's rules for the code, checked on every run so that a change that breaks one says so.
const ROOT = new URL('../../..', import.meta.url).pathname;
const MAX_FILE_LINES = 300;
const MAX_CORE_FUNCTION_LINES = 80;

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const sources = new Map(tsFiles('functions').map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]));
const core = [...sources].filter(([file]) => file.startsWith('functions/core/'));

/** Every function-like node with a body in `text` longer than `max` lines, as `file:line (n lines)`. */
function longFunctions(file: string, text: string, max: number): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const lines = source.getLineAndCharacterOfPosition(node.end).line - first + 1;
      if (lines > max) found.push(`${file}:${first + 1} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the code keeps issue 13\'s rules', () => {
  it('has no file in functions/ over 300 lines', () => {
    const long = [...sources].filter(([, text]) => text.split('\n').length > MAX_FILE_LINES).map(([file, text]) => `${file} (${text.split('\n').length} lines)`);
    expect(long).toEqual([]);
  });

  it('has no function in functions/core over 80 lines', () => {
    expect(core.flatMap(([file, text]) => longFunctions(file, text, MAX_CORE_FUNCTION_LINES))).toEqual([]);
  });

  it('reads no clock, no environment and no AWS SDK or HTTP client in functions/core: those come through ports', () => {
    const banned = [/\bDate\.now\(\)/, /\bnew Date\(\)/, /\bperformance\.now\(\)/, /\bprocess\.env\b/, /from '@aws-sdk\//, /from 'axios'/];
    const found = core.flatMap(([file, text]) => text.split('\n').flatMap((line, i) => (banned.some((b) => b.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [])));
    expect(found).toEqual([]);
  });

  it('imports no adapter or handler from functions/core', () => {
    const found = core.flatMap(([file, text]) => [...text.matchAll(/from '((?:\.\.\/)+(?:adapters|handlers)\/[^']*)'/g)].map((m) => `${file}: ${m[1]}`));
    expect(found).toEqual([]);
  });

  it('finds a long function where there is one (the check itself can fail)', () => {
    const body = Array.from({ length: 81 }, (_, i) => `  const a${i} = ${i};`).join('\n');
    expect(longFunctions('x.ts', `function long() {\n${body}\n}\nconst short = () => 1;`, MAX_CORE_FUNCTION_LINES)).toEqual(['x.ts:1 (83 lines)']);
  });
});
