// Run after bundling (lib/bundling/bundlingOptions.ts, commandHooks.afterBundling): rewrites a bundle's
// source map to map only our own code (functions/, lib/), not the packages under node_modules. Lambda runs
// with --enable-source-maps, and Node reads and parses the whole map at import: the packages' mappings are
// nine tenths of it, and of that cost (~3 ms of a cold start, npm run bench:bundles). Stack frames in our
// code still point at their TypeScript lines; frames inside a package show their place in the bundle.
// Usage: node ownSourceMap.mjs <dir>/index.mjs.map
import { readFileSync, writeFileSync } from 'node:fs';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const c of text) {
    const digit = DIGIT.get(c);
    if (digit === undefined) throw new Error(`ownSourceMap: '${c}' is not a base64 VLQ digit`);
    value += (digit & 31) << shift;
    if (digit & 32) { shift += 5; continue; }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

function encodeValue(n) {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    out += BASE64[digit];
  } while (v > 0);
  return out;
}

/** The map with only the mappings whose source is outside node_modules; other code is left unmapped. */
export function ownSourceMap(map) {
  const own = map.sources.map((s) => !/(^|\/)node_modules\//.test(s));
  const sourceIndex = new Map();
  const nameIndex = new Map();
  const sources = [];
  const names = [];
  // Absolute state of the decoder, and of the encoder (relative to the last segment written).
  let [src, line, col, name] = [0, 0, 0, 0];
  let [outSrc, outLine, outCol, outName] = [0, 0, 0, 0];
  const lines = map.mappings.split(';').map((text) => {
    let genCol = 0;
    let outGenCol = 0;
    let lastWasUnmapped = true;
    const segments = [];
    for (const segment of text === '' ? [] : text.split(',')) {
      const v = decodeSegment(segment);
      genCol += v[0];
      if (v.length >= 4) { src += v[1]; line += v[2]; col += v[3]; }
      if (v.length >= 5) name += v[4];
      const keep = v.length >= 4 && own[src];
      if (!keep) {
        // An unmapped segment ends the previous mapping, so package code never takes our code's lines.
        if (!lastWasUnmapped) { segments.push(encodeValue(genCol - outGenCol)); outGenCol = genCol; lastWasUnmapped = true; }
        continue;
      }
      if (!sourceIndex.has(src)) { sourceIndex.set(src, sources.length); sources.push(map.sources[src]); }
      const s = sourceIndex.get(src);
      let out = encodeValue(genCol - outGenCol) + encodeValue(s - outSrc) + encodeValue(line - outLine) + encodeValue(col - outCol);
      [outGenCol, outSrc, outLine, outCol] = [genCol, s, line, col];
      if (v.length >= 5) {
        if (!nameIndex.has(name)) { nameIndex.set(name, names.length); names.push(map.names[name]); }
        const n = nameIndex.get(name);
        out += encodeValue(n - outName);
        outName = n;
      }
      segments.push(out);
      lastWasUnmapped = false;
    }
    return segments.join(',');
  });
  const { sourcesContent: _dropped, ...rest } = map;
  return { ...rest, sources, names, mappings: lines.join(';') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node ownSourceMap.mjs <file>.map');
  writeFileSync(file, JSON.stringify(ownSourceMap(JSON.parse(readFileSync(file, 'utf8')))));
}
