import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { REPO, cases, must } from '../../test/results.js';
import { formatJson } from './json.js';

const schema = JSON.parse(readFileSync(resolve(REPO, 'packages/core/schema/result.schema.json'), 'utf8')) as object;
// ajv-formats is CommonJS: under NodeNext its default export is the module object.
const addFormats = addFormatsModule.default;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

describe('formatJson', () => {
  it('is valid against the committed result schema for zero, one and many forms, in both locales', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const [label, results] of await cases(locale)) {
        const doc = JSON.parse(formatJson(results, { locale, toolVersion: '0.1.0' })) as unknown;
        expect(validate(doc), `${label}: ${JSON.stringify(validate.errors)}`).toBe(true);
        expect(doc).toMatchObject({ schemaVersion: 1, tool: { name: 'jixiao', version: '0.1.0' }, locale });
        expect((doc as { results: unknown }).results).toEqual(results);
      }
    }
  });

  it('is one line by default and indented by two spaces with pretty, the same document either way', async () => {
    for (const [label, results] of await cases()) {
      const compact = formatJson(results, { locale: 'zh-CN', toolVersion: '0.1.0' });
      const pretty = formatJson(results, { locale: 'zh-CN', toolVersion: '0.1.0', pretty: true });
      expect(compact.endsWith('\n') && pretty.endsWith('\n'), label).toBe(true);
      expect(compact.trimEnd().includes('\n'), label).toBe(false);
      expect(pretty.split('\n')[1], label).toBe('  "schemaVersion": 1,');
      expect(JSON.parse(pretty), label).toEqual(JSON.parse(compact));
    }
  });

  it('the schema is not vacuous: a finding with an unknown outcome is rejected', async () => {
    const [, [, one] = ['', []]] = await cases();
    const doc = JSON.parse(formatJson(one, { locale: 'zh-CN', toolVersion: '0.1.0' })) as { results: { findings: { outcome: string }[] }[] };
    must(doc.results[0]?.findings[0]).outcome = 'maybe';
    expect(validate(doc)).toBe(false);
  });
});
