// Build the workbench into dist/: index.html, app.js (the page), worker.js (the check worker's code as text),
// worker-xlsx.js (the same worker with the spreadsheet reader, loaded when a workbook is dropped), worker-pdf.js
// (the same worker with pdf.js, loaded when a PDF is dropped), export.js (the formatters and exceljs, loaded on the first export) and app.css. Each script is a classic
// script bundled by Vite as one IIFE: a page opened from disk (file://) may load classic scripts beside it,
// but neither ES modules nor worker scripts by URL, so the same folder works served and from disk.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
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

/**
 * pdf.js's packed character maps of the Chinese collections (Adobe-GB1: GB, GBK, GB18030, UniGB; Adobe-CNS1: CNS,
 * Big5, ETen, HK, UniCNS), for fonts a PDF names without embedding their map: 571 KB, in worker-pdf.js only. The
 * CLI reads them from the package's folder; the page may fetch nothing, so they come with the bundle.
 */
function chineseCMaps() {
  const folder = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
  const names = readdirSync(folder).filter((n) => n.endsWith('.bcmap') && /GB|CNS|B5|ETen|ETHK|HK/.test(n));
  return Object.fromEntries(names.map((n) => [n, readFileSync(join(folder, n)).toString('base64')]));
}

/** Modules made here: `virtual:pdf-cmaps` (the maps above) and `virtual:pdf-reader` (the PDF reader's worker, as text). */
function virtualModules(modules) {
  return {
    name: 'jixiao-virtual',
    resolveId: (id) => (id in modules ? `\0${id}` : undefined),
    load: (id) => (id.startsWith('\0') && id.slice(1) in modules ? `export default ${JSON.stringify(modules[id.slice(1)])};` : undefined),
  };
}

/**
 * The check workers that read no PDF (`worker.js`, `worker-xlsx.js`) hold `no-pdf.ts` in place of `pdf.ts` (pdf.js is
 * a megabyte): they hand a PDF's bytes back to the page (check-worker.ts), which sends them to `worker-pdf.js`.
 */
const withoutPdf = {
  name: 'jixiao-without-pdf',
  enforce: 'pre',
  resolveId: (source, importer) => (source === './pdf.js' && importer?.endsWith('/src/worker/check-worker.ts') ? `${root}src/worker/no-pdf.ts` : undefined),
};

/**
 * Every check worker holds `no-compile.ts` in place of core's `model/compile.ts`, zod's schema compiler (~7 KB gzip of
 * `worker.js`): the workers configure zod `jitless` (their page forbids eval), so core never compiles there. Should
 * core's validate.ts stop importing it by that name, the build fails rather than carry the compiler again unnoticed.
 */
function withoutCompiler() {
  let replaced = false;
  return {
    name: 'jixiao-without-compiler',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== './compile.js' || importer?.endsWith('/packages/core/src/model/validate.ts') !== true) return undefined;
      replaced = true;
      return `${root}src/worker/no-compile.ts`;
    },
    buildEnd(error) {
      if (error === undefined && !replaced) this.error("core's src/model/validate.ts no longer imports ./compile.js: update withoutCompiler (scripts/build.mjs)");
    },
  };
}

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
 * `options.reads` (the check workers): `xlsx` for `worker-xlsx.js`, the worker started when a workbook is dropped;
 * `pdf` for `worker-pdf.js`, started when a PDF is dropped (with pdf.js, its reader's worker as text and the
 * character maps: `options.modules`); `base` for `worker.js`, which starts with the page and has, instead of exceljs
 * (two thirds of a worker), numfmt (a workbook cell's number format) and pdf.js, modules that refuse: that worker hands a workbook's or a PDF's bytes back to
 * the page (check-worker.ts) before any reader runs.
 */
async function bundle(entry, name, options = {}) {
  const withoutExcel = options.reads !== undefined && options.reads !== 'xlsx';
  const output = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    // Workspace packages are bundled from their TypeScript sources (no build of theirs needed first).
    resolve: {
      conditions: ['@jixiao/source', ...defaultClientConditions],
      ...(withoutExcel ? { alias: { exceljs: `${root}src/worker/no-exceljs.ts`, numfmt: `${root}src/worker/no-numfmt.ts` } } : {}),
    },
    plugins: [
      ...(options.reads === undefined ? [] : [withoutCompiler()]),
      ...(options.reads === undefined || options.reads === 'pdf' ? [] : [withoutPdf]),
      ...(options.modules === undefined ? [] : [virtualModules(options.modules)]),
    ],
    ...(options.reads === undefined ? {} : { define: { JIXIAO_READS: JSON.stringify(options.reads) } }),
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
          // pdf.js's Node-only paths (never taken in a browser) read import.meta, which a classic script has not.
          if (log.code === 'EMPTY_IMPORT_META' && /node_modules\/pdfjs-dist\//.test(`${log.id ?? ''} ${log.message}`)) return;
          handler(level, log);
        },
      },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`${entry}: expected one chunk, got ${chunks.length}`);
  if (REPORT) report(options.reads === undefined || options.reads === 'base' ? name : `${name} (worker-${options.reads}.js)`, chunks[0]);
  return chunks[0].code;
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
// pdf.js's worker, run by worker-pdf.js from a blob (src/pdf-reader/): built first, it goes into worker-pdf.js as text.
const pdfReader = await bundle('src/pdf-reader/reader.ts', 'jixiaoPdfReader');
const [app, worker, xlsxWorker, pdfWorker, exporter] = await Promise.all([
  bundle('src/app/main.tsx', 'jixiaoApp'),
  bundle('src/worker/check-worker.ts', 'jixiaoWorker', { reads: 'base' }),
  bundle('src/worker/check-worker.ts', 'jixiaoWorker', { reads: 'xlsx' }),
  bundle('src/worker/check-worker.ts', 'jixiaoWorker', { reads: 'pdf', modules: { 'virtual:pdf-cmaps': chineseCMaps(), 'virtual:pdf-reader': pdfReader } }),
  bundle('src/export/export.ts', 'jixiaoExport'),
]);
writeFileSync(`${dist}app.js`, app);
// A worker starts from a blob made of this text (pool.ts): a worker script by URL is refused on file://.
writeFileSync(`${dist}worker.js`, `globalThis.JIXIAO_WORKER_SOURCE=${JSON.stringify(worker)};\n`);
// Loaded (by a script element, as export.js) when the first workbook is dropped.
writeFileSync(`${dist}worker-xlsx.js`, `globalThis.JIXIAO_XLSX_WORKER_SOURCE=${JSON.stringify(xlsxWorker)};\n`);
// Loaded the same way when the first PDF is dropped.
writeFileSync(`${dist}worker-pdf.js`, `globalThis.JIXIAO_PDF_WORKER_SOURCE=${JSON.stringify(pdfWorker)};\n`);
writeFileSync(`${dist}export.js`, exporter);
copyFileSync(`${root}src/app/style.css`, `${dist}app.css`);
writeFileSync(`${dist}index.html`, readFileSync(`${root}index.html`, 'utf8').replace('%CSP%', CSP));
