/**
 * Files generated from the sources of truth (the zod model, rule metadata). `npm run generate` writes them;
 * generated.test.ts fails when a committed copy is stale.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import {
  CaseFileSchema,
  ConfigSchema,
  EvaluationSchema,
  PackManifestSchema,
  ResultDocumentSchema,
  ResultDocumentV1Schema,
  RuleSchema,
  TemplateSchema,
  WaiverFileSchema,
  GENERATED_HEADER,
  renderCatalogue,
  type Pack,
} from '@jixiao/core';
import { loadPackFromDir } from '@jixiao/core/node';
import { packDocs } from '../../packages/cli/src/commands/pack-kit.js';
import { templatesReadme } from '../../packages/templates/scripts/readme.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Artifact {
  /** Path relative to the repository root. */
  readonly path: string;
  readonly content: string;
}

function schemaFile(path: string, id: string, schema: z.ZodType): Artifact {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  const doc = { ...json, $id: `https://jixiao.dev/schema/${id}` };
  return { path, content: `${JSON.stringify(doc, null, 2)}\n` };
}

/** Every rule pack folder under rules/, in name order. */
export function repoPacks(): { dir: string; packageName: string; pack: Pack }[] {
  const base = join(ROOT, 'rules');
  return readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'pack.json')))
    .sort()
    .map((name) => {
      const dir = join(base, name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string };
      return { dir, packageName: pkg.name, pack: loadPackFromDir(dir) };
    });
}

export function artifacts(): Artifact[] {
  const packs = repoPacks();
  const out: Artifact[] = [
    schemaFile('packages/core/schema/evaluation.schema.json', 'evaluation.schema.json', EvaluationSchema),
    schemaFile('packages/core/schema/rule.schema.json', 'rule.schema.json', RuleSchema),
    schemaFile('packages/core/schema/pack.schema.json', 'pack.schema.json', PackManifestSchema),
    schemaFile('packages/core/schema/config.schema.json', 'config.schema.json', ConfigSchema),
    schemaFile('packages/core/schema/result.schema.json', 'result.schema.json', ResultDocumentSchema),
    schemaFile('packages/core/schema/result.v1.schema.json', 'result.v1.schema.json', ResultDocumentV1Schema),
    schemaFile('packages/core/schema/cases.schema.json', 'cases.schema.json', CaseFileSchema),
    schemaFile('packages/core/schema/waivers.schema.json', 'waivers.schema.json', WaiverFileSchema),
    schemaFile('packages/core/schema/template.schema.json', 'template.schema.json', TemplateSchema),
    { path: 'packages/templates/README.md', content: templatesReadme() },
  ];
  const preset = {
    $comment: 'generated from rule metadata by `npm run generate`: do not edit',
    name: 'standard',
    packs: packs.map(({ pack, packageName }) => ({ name: pack.meta.name, package: packageName, version: pack.meta.version })),
    rules: Object.fromEntries(packs.flatMap(({ pack }) => pack.rules.map((r) => [r.id, r.severity]))),
  };
  out.push({ path: 'packages/cli/src/presets/standard.json', content: `${JSON.stringify(preset, null, 2)}\n` });
  out.push({ path: 'packages/standard/src/sources.generated.ts', content: standardSources(packs) });
  // Each pack's docs/ (rule pages and the docs/README.md index) come from the function behind
  // `jixiao pack docs --check`, so a bundled pack passes the check a pack author is told to run.
  for (const { dir, pack } of packs) {
    for (const [name, content] of Object.entries(packDocs(pack))) {
      out.push({ path: relative(ROOT, join(dir, 'docs', name)), content });
    }
  }
  for (const { dir, packageName, pack } of packs) {
    out.push({ path: relative(ROOT, join(dir, 'README.md')), content: packReadme(pack, packageName) });
  }
  out.push({
    path: 'docs/rules.md',
    content: renderCatalogue(
      packs.map((p) => p.pack),
      (rule, meta) => `../rules/${meta.name}/docs/${rule.id.split('/')[1] ?? ''}.md`,
    ),
  });
  return out;
}

/**
 * The standard preset as JSON imports (`@jixiao/standard`): each pack's manifest and rule files, so a bundler
 * (the browser workbench) or Node loads them without a file system walk. Same packs as the CLI's preset.
 */
function standardSources(packs: readonly { dir: string; packageName: string; pack: Pack }[]): string {
  const imports: string[] = [];
  const entries: string[] = [];
  for (const [p, { dir, packageName, pack }] of packs.entries()) {
    const manifestFile = JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8')) as { rules?: string };
    const rulesDir = (manifestFile.rules ?? 'src/rules').replace(/^\.\//, '').replace(/\/$/, '');
    imports.push(`import pack${String(p)} from '${packageName}/pack.json' with { type: 'json' };`);
    const rules: string[] = [];
    for (const [r, rule] of pack.rules.entries()) {
      const file = `${rule.id.split('/')[1] ?? rule.id}.json`;
      imports.push(`import pack${String(p)}rule${String(r)} from '${packageName}/${rulesDir}/${file}' with { type: 'json' };`);
      rules.push(`      '${file}': pack${String(p)}rule${String(r)},`);
    }
    entries.push(`  {\n    package: '${packageName}',\n    manifest: pack${String(p)},\n    rules: {\n${rules.join('\n')}\n    },\n  },`);
  }
  return [
    `// ${GENERATED_HEADER.replace(/^<!--\s*|\s*-->$/g, '')}`,
    "import type { StandardPackSource } from './source.js';",
    ...imports,
    '',
    '/** Every pack of the standard preset: its package, its parsed `pack.json` and its rule files by name. */',
    'export const STANDARD_PACK_SOURCES: readonly StandardPackSource[] = [',
    ...entries,
    '];',
    '',
  ].join('\n');
}

/** A rule pack's README: what it checks, how to use it, its rules (generated, like its docs). */
function packReadme(pack: Pack, packageName: string): string {
  const { meta } = pack;
  const lines = [
    GENERATED_HEADER,
    '',
    `# ${packageName}`,
    '',
    `${meta.title['zh-CN']} / ${meta.title.en}: a data-only jixiao rule pack (${String(pack.rules.length)} rules, JSON files in \`src/rules/\`; nothing in it is executed).`,
    '',
    ...(meta.description ? [meta.description['zh-CN'], '', meta.description.en, ''] : []),
    '```sh',
    `npm install ${packageName}`,
    `npx jixiao check form.docx --pack ${meta.name}        # or: part of the standard preset, used by default`,
    '```',
    '',
    'Each rule: `src/rules/<rule>.json` (conditions and metadata), `tests/<rule>.test.ts` (example cases and',
    'fast-check properties), `docs/<rule>.md` (generated).',
    '',
  ];
  const table = renderCatalogue([pack], (rule) => `docs/${rule.id.split('/')[1] ?? ''}.md`).split('\n');
  // The catalogue's own header and counts are for the whole repository; keep its table.
  const start = table.findIndex((l) => l.startsWith('| '));
  lines.push('## Rules', '', ...table.slice(start));
  return `${lines.join('\n').trimEnd()}\n`;
}
