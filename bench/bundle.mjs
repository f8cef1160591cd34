// `npm run bench -- --bundle`: what a browser build of the library costs. Each public entry is bundled by esbuild
// for the browser (minified, ESM, from the sources), and its size is printed minified and gzip -9, with the
// dependencies that make up most of it. The workbench's own build is measured by `npm run bench -- --web`.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ENTRIES = ['packages/core/src/index.ts', 'packages/standard/src/index.ts', 'packages/import/src/index.ts'];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The package a bundled input belongs to: `zod`, `@scope/name`, or the workspace folder (`packages/core`). */
function owner(input) {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return input.split('/').slice(0, 2).join('/');
  const parts = input.slice(at + 'node_modules/'.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

for (const entry of ENTRIES) {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, platform: 'browser', format: 'esm', minify: true, conditions: ['@jixiao/source'], logLevel: 'silent', metafile: true });
  const code = result.outputFiles[0].contents;
  const shares = new Map();
  for (const output of Object.values(result.metafile.outputs)) for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) shares.set(owner(input), (shares.get(owner(input)) ?? 0) + bytesInOutput);
  const top = [...shares].sort((a, b) => b[1] - a[1]).slice(0, 6);
  console.log(`${entry}: ${kb(code.length)} minified, ${kb(gzipSync(code, { level: 9 }).length)} gzip -9; largest parts (minified): ${top.map(([k, v]) => `${k} ${kb(v)}`).join(', ')}`);
}
