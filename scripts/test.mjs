// npm test: the type check and the test files at once, failing if either fails. The type check (~20 s of CPU)
// runs beside vitest, whose workers spend much of their time waiting on DynamoDB Local, Chromium and child processes;
// its output is held and printed once it ends, so that it does not cut through vitest's.
import { spawn } from 'node:child_process';

function run(command, args, { hold }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const held = [];
    if (hold) for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => held.push(chunk));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(held).toString() }));
  });
}

const [typecheck, vitest] = await Promise.all([
  run('npm', ['run', '--silent', 'typecheck'], { hold: true }),
  run('vitest', ['run', ...process.argv.slice(2)], { hold: false }),
]);
if (typecheck.code !== 0) process.stdout.write(`\nType check failed:\n${typecheck.output}\n`);
else process.stdout.write('\nType check passed (tsc on the project, the console and the report page).\n');
process.exit(typecheck.code !== 0 ? typecheck.code : vitest.code);
