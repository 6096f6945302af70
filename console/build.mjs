// Builds the web console into console/dist: one minified script, its stylesheet and the page.
// Run by the project's own install (the root package's "prepare" script), so `npm ci` leaves it ready.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export async function buildConsole({ outdir = here('./dist/') } = {}) {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: [here('./src/main.tsx')],
    outfile: `${outdir}/app.js`,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
  });
  await copyFile(here('./static/index.html'), `${outdir}/index.html`);
  await copyFile(here('./static/app.css'), `${outdir}/app.css`);
  return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildConsole();
  console.log(`snowops console built in ${out}`);
}
