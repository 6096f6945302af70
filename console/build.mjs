// Builds the web console into console/dist: one minified script, its stylesheet and the page.
// Run by the project's own install (the root package's "prepare" script), so `npm ci` leaves it ready.
// buildWebApp is shared with the citizens' report page (citizen-web/build.mjs), which is built the same way.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

/** One Preact entry bundled into outdir/app.js, and the static files (pages, stylesheet) copied beside it. */
export async function buildWebApp({ entry, statics, outdir }) {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: [entry],
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
  for (const file of statics) await copyFile(file, `${outdir}/${basename(file)}`);
  return outdir;
}

export async function buildConsole({ outdir = here('./dist/') } = {}) {
  return buildWebApp({ entry: here('./src/main.tsx'), statics: [here('./static/index.html'), here('./static/app.css')], outdir });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildConsole();
  console.log(`snowops console built in ${out}`);
}
