import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTemplateText, type Template } from '@jixiao/core';

const GENERATED_HEADER = '<!-- 由模板元数据生成，请勿手工编辑 / generated from template metadata: do not edit -->';

const DIR = fileURLToPath(new URL('../templates/', import.meta.url));

/** The shipped template files, validated (a bad one throws with its line). */
export function shippedTemplateFiles(): { file: string; template: Template }[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, template: loadTemplateText(readFileSync(join(DIR, file), 'utf8'), file) }));
}

const KIND: Readonly<Record<Template['kind'], string>> = {
  'self-evaluation': '读取 / read',
  scoring: '自评表计分（预算执行、指标表；表格中读取） / scoring sheet (budget execution, indicators; read from tables)',
  'project-expenditure': '识别并拒绝（项目支出） / recognised and refused (项目支出)',
};

/** packages/templates/README.md, generated from the templates' metadata (like the rule packs' READMEs). */
export function templatesReadme(): string {
  const rows = shippedTemplateFiles().map(({ file, template: t }) => {
    const fields = new Set<string>([
      ...t.fields.flatMap((f) => (f.path === undefined ? [] : [f.path])),
      ...t.questions.map((q) => q.path),
      ...t.choices.map((c) => c.path),
      ...t.tables.flatMap((x) => {
        if (x.layout === 'grid') return x.rows.flatMap((r) => Object.values(r.cells).flat());
        if (x.layout === 'indicator-list') return ['selfAssessment.indicators'];
        return x.columns.flatMap((c) => (c.path === undefined ? [] : [c.path]));
      }),
      ...t.prose.map((p) => p.path),
    ]);
    return `| \`${t.id}\` | ${t.title['zh-CN']} / ${t.title.en} | ${KIND[t.kind]} | ${(t.jurisdiction ?? []).join('、') || '—'} | ${String(fields.size)} | ${String(t.detection.signals.length)} / ${String(t.detection.threshold)} | [\`${file}\`](templates/${file}) |`;
  });
  return [
    GENERATED_HEADER,
    '',
    '# @jixiao/templates',
    '',
    'The form templates jixiao ships: how each of the forms units file is recognised, and where its figures, answers',
    'and texts sit — as data files (`templates/*.json`, schema `@jixiao/core/schema/template.schema.json`). The',
    'reader that applies them is generic (`@jixiao/import`); a province adds its own form with a template file, no',
    'code: see `examples/template-tutorial/`.',
    '',
    '```sh',
    'npx jixiao import form.docx --format json     # names the template used and its detection score',
    'npx jixiao template validate my-template.yaml  # a bad label regex, an unknown field path: file and line',
    '```',
    '',
    '## Templates',
    '',
    '| Id | Form | Use | Jurisdiction | Fields read | Signals / threshold | File |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Detection: each signal found in the document adds its weight; the template with the best score at or above its',
    'threshold reads the document. A 项目支出 form is refused with its own message; a scoring sheet (自评表/得分表) is',
    'recognised and reported as not yet readable; a self-evaluation no template recognises is reported with the labels',
    'found in it.',
    '',
    '## Traditional characters',
    '',
    'Some sites republish a form converted to traditional characters (`項目支出績效自評表`). `data/traditional-simplified.json`',
    'pairs each traditional character with its simplified form, and the reader reads such a document as the simplified',
    'text it came from (positions unchanged). The table was made with ICU (`uconv -x Hant-Hans`, ICU 72.1) over U+4E00–U+9FFF,',
    'keeping the characters it changes into one character that are outside GB 2312 (so never part of a simplified text)',
    'and whose simplified form is in GB 2312: 2,568 pairs. To remake it, run that transliteration over the same range',
    'with the same two filters.',
    '',
  ].join('\n');
}
