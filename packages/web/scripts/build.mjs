// Build the workbench into dist/: index.html, app.js (the page), worker.js (the check worker's code as text),
// worker-xlsx.js (the same worker with the spreadsheet reader, loaded when a workbook is dropped), export.js (the formatters and exceljs, loaded on the first export) and app.css. Each script is a classic
// script bundled by Vite as one IIFE: a page opened from disk (file://) may load classic scripts beside it,
// but neither ES modules nor worker scripts by URL, so the same folder works served and from disk.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defaultClientConditions } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
/** `node scripts/build.mjs [out-dir] [--report]`: dist/ by default (tests build into a temporary folder of their own). */
const out = process.argv.slice(2).find((a) => !a.startsWith('--'));
const dist = `${resolve(out ?? `${root}dist`)}/`;

/** The Content-Security-Policy of the page (also sent as a header by `jixiao serve`). */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  'worker-src blob:',
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-src 'none'",
].join('; ');

/** `--report`: what each bundle holds, by package (bytes as rendered into the bundle, before minification). */
const REPORT = process.argv.includes('--report');

function report(name, chunk) {
  const byPackage = new Map();
  for (const [id, info] of Object.entries(chunk.modules)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id) ?? /\/(packages|rules)\/([^/]+)\//.exec(id);
    const key = m === null ? 'other' : m[2] === undefined ? m[1] : `${m[1]}/${m[2]}`;
    byPackage.set(key, (byPackage.get(key) ?? 0) + info.renderedLength);
  }
  const total = chunk.code.length;
  const parts = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, n]) => `${k} ${(n / 1024).toFixed(0)} KB`);
  process.stdout.write(`${name}: ${(total / 1024).toFixed(0)} KB minified; before minification: ${parts.join(', ')}\n`);
}

/**
 * `options.readsXlsx` (the check workers): true for `worker-xlsx.js`, the worker started when a workbook is dropped;
 * false for `worker.js`, which starts with the page and has, instead of exceljs (two thirds of a worker), a module
 * that refuses: that worker hands a workbook's bytes back to the page (check-worker.ts) before any reader runs.
 */
async function bundle(entry, name, options = {}) {
  const withoutExcel = options.readsXlsx === false;
  const output = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    // Workspace packages are bundled from their TypeScript sources (no build of theirs needed first).
    resolve: {
      conditions: ['@jixiao/source', ...defaultClientConditions],
      ...(withoutExcel ? { alias: { exceljs: `${root}src/worker/no-exceljs.ts` } } : {}),
    },
    ...(options.readsXlsx === undefined ? {} : { define: { JIXIAO_READS_XLSX: JSON.stringify(options.readsXlsx) } }),
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      write: false,
      emptyOutDir: false,
      minify: true,
      target: 'es2022',
      reportCompressedSize: false,
      lib: { entry: `${root}${entry}`, formats: ['iife'], name, fileName: () => `${name}.js` },
      rollupOptions: {
        // `@jixiao/adapters` also exports its HTTP server: Vite resolves fastify's Node built-ins before tree
        // shaking drops them (none reaches a bundle: bench/web checks). Our own sources still warn.
        onLog(level, log, handler) {
          if (/externalized for browser compatibility, imported by "[^"]*\/node_modules\//.test(log.message)) return;
          handler(level, log);
        },
      },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`${entry}: expected one chunk, got ${chunks.length}`);
  if (REPORT) report(options.readsXlsx === true ? `${name} (worker-xlsx.js)` : name, chunks[0]);
  return chunks[0].code;
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const [app, worker, xlsxWorker, exporter] = await Promise.all([
  bundle('src/app/main.tsx', 'jixiaoApp'),
  bundle('src/worker/check-worker.ts', 'jixiaoWorker', { readsXlsx: false }),
  bundle('src/worker/check-worker.ts', 'jixiaoWorker', { readsXlsx: true }),
  bundle('src/export/export.ts', 'jixiaoExport'),
]);
writeFileSync(`${dist}app.js`, app);
// A worker starts from a blob made of this text (pool.ts): a worker script by URL is refused on file://.
writeFileSync(`${dist}worker.js`, `globalThis.JIXIAO_WORKER_SOURCE=${JSON.stringify(worker)};\n`);
// Loaded (by a script element, as export.js) when the first workbook is dropped.
writeFileSync(`${dist}worker-xlsx.js`, `globalThis.JIXIAO_XLSX_WORKER_SOURCE=${JSON.stringify(xlsxWorker)};\n`);
writeFileSync(`${dist}export.js`, exporter);
copyFileSync(`${root}src/app/style.css`, `${dist}app.css`);
writeFileSync(`${dist}index.html`, readFileSync(`${root}index.html`, 'utf8').replace('%CSP%', CSP));
