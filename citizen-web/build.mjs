// Builds the citizens' report page into citizen-web/dist (the report form, the reporter's status page,
// one script and one stylesheet), the same way as the console. Run by the root "prepare" script.
import { fileURLToPath } from 'node:url';
import { buildWebApp } from '../console/build.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export async function buildCitizenWeb({ outdir = here('./dist/') } = {}) {
  return buildWebApp({ entry: here('./src/main.tsx'), statics: ['index.html', 'status.html', 'app.css'].map((f) => here(`./static/${f}`)), outdir });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildCitizenWeb();
  console.log(`snowops report page built in ${out}`);
}
