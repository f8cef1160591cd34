import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

const HERE = dirname(fileURLToPath(import.meta.url));
const PACKAGES = resolve(HERE, '..');

/**
 * Re-exports of the workspace packages' public doors that pull a heavy third-party module (YAML, the .docx zip and
 * XML parsers, fastify) into whatever imports the door. A chunk's place is decided by which entries *reach* a
 * module, and a re-export reaches its module even when nothing uses it, so the CLI's start-up would load them all.
 */
const HEAVY_REEXPORTS: Record<string, readonly string[]> = {
  core: ['./pack/lint.js', './pack/cases.js', './pack/case-runner.js', './waivers/waivers.js', './template/load.js'],
  import: ['./docx/import-docx.js', './docx/zip.js', './canonical/import-yaml.js'],
  adapters: ['./http/server.js'],
};

/** The CLI modules that are loaded on demand and need those heavy exports: they see the full doors. */
const LAZY_MODULES = ['src/commands/serve-app.ts', 'src/commands/pack-kit.ts', 'src/commands/template-kit.ts', 'src/waivers.ts'].map((p) => resolve(HERE, p));

/**
 * The rest of the CLI sees each door without its heavy re-exports (a build error says so if it ever needs one):
 * the heavy modules are then reached only through the lazy modules' chunks (and `importBuffer`'s own dynamic
 * imports), and load only when a command or a file needs them.
 */
const lightDoors: Plugin = {
  name: 'jixiao-light-doors',
  setup(build) {
    build.onResolve({ filter: /^@jixiao\/(core|import|adapters)$/ }, (args) => {
      const pkg = args.path.slice('@jixiao/'.length);
      const index = join(PACKAGES, pkg, 'src/index.ts');
      if (LAZY_MODULES.includes(args.importer)) return { path: index };
      return { path: index, namespace: 'jixiao-light', pluginData: { pkg } };
    });
    build.onLoad({ filter: /.*/, namespace: 'jixiao-light' }, (args) => {
      const { pkg } = args.pluginData as { pkg: string };
      const heavy = HEAVY_REEXPORTS[pkg] ?? [];
      const source = readFileSync(args.path, 'utf8');
      // Statements are `export { … } from '…';` (possibly over several lines) or `export type …`.
      const contents = source.replace(/export\s+(type\s+)?\{[^}]*\}\s+from\s+'([^']+)';/g, (statement: string, _type: string | undefined, from: string) => (heavy.includes(from) ? '' : statement));
      return { contents, loader: 'ts', resolveDir: dirname(args.path) };
    });
  },
};

// The CLI is the one thing that must be bundled: workspace packages are inlined from source (through the
// `@jixiao/source` condition), third-party dependencies stay external and load from node_modules.
export default defineConfig({
  // The batch's child processes and the server's reading threads load their own entries, next to the CLI bundle.
  // So does the PDF reader's thread (`pdf-worker.js`, found beside whichever chunk holds @jixiao/import/node).
  entry: {
    index: 'src/index.ts',
    'batch-child': 'src/batch/child.ts',
    'serve-reader': 'src/commands/serve-reader.ts',
    'pdf-worker': '../import/src/node/pdf-worker.js',
  },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  dts: false,
  // Code splitting: a dynamic `import()` of our own modules becomes a chunk loaded on demand, so a command loads
  // only what it uses (the HTTP server, the xlsx writer, the .docx reader, YAML, the pack kit stay out of `check`).
  splitting: true,
  noExternal: [/^@jixiao\/(core|adapters|import|testing)/],
  // Every other bare import (zod, json-rules-engine, commander, …) is a runtime dependency.
  external: [/^(?!@jixiao\/|\.|\/)/],
  esbuildPlugins: [lightDoors],
  esbuildOptions(options) {
    options.conditions = ['@jixiao/source'];
  },
});
