// The built CLI reading submissions as they are filed: the seed text and its .docx rendering.
// Runs the tsup bundle, built once for the whole run by test/setup/build-cli.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ResultDocumentSchema } from '@jixiao/core';
import { tempDir } from './setup/temp.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/jixiao.js');
const EXAMPLE = join(ROOT, 'examples/beita-justice-2020');
const SEED_TEXT = join(EXAMPLE, '000_1f3a69e61e56d541.txt');
const SEED_DOCX = join(EXAMPLE, 'form.docx');

function jixiao(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = tempDir('jixiao-import-');
const write = (name: string, content: string | Uint8Array) => {
  const file = join(tmp, name);
  writeFileSync(file, content);
  return file;
};

function findings(run: { code: number | null; stdout: string; stderr: string }) {
  if (run.stdout === '') throw new Error(`no report (exit ${String(run.code)}): ${run.stderr}`);
  const doc = ResultDocumentSchema.parse(JSON.parse(run.stdout));
  const result = doc.results[0];
  if (result === undefined) throw new Error('no result');
  return result;
}

describe('jixiao import', () => {
  it('prints the seed text as exactly the hand-checked evaluation.json', () => {
    const r = jixiao(['import', SEED_TEXT]);
    expect(r.code).toBe(0);
    const expected = JSON.parse(readFileSync(join(EXAMPLE, 'evaluation.json'), 'utf8')) as Record<string, unknown>;
    delete expected.$schema;
    expect(JSON.parse(r.stdout)).toEqual(expected);
    expect(r.stderr).toContain('[leftover-text]');
    expect(r.stderr).toContain('第 90 行');
  });

  it('--locale en words each inferred answer’s note in English; the boxes as drawn, never an EQ field’s code', () => {
    const r = jixiao(['import', SEED_TEXT, '--locale', 'en']);
    expect(r.code).toBe(0);
    const notes = Object.values((JSON.parse(r.stdout) as { answerResolution: Record<string, { note?: string }> }).answerResolution).flatMap((a) => (a.note === undefined ? [] : [a.note]));
    expect(notes).toContain('是: empty box □; 否: unrecognised symbol "(" → taken: 否');
    expect(notes).toContain('是: empty box □; 否: unrecognised symbol "(" (before the option) → taken: 否');
    expect(notes.join('\n')).not.toMatch(/eq \\o|空框|无法辨认|取 /);
  });

  it('--format json carries kind, diagnostics and positions', () => {
    const r = jixiao(['import', SEED_DOCX, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { kind: string; ok: boolean; positions: Record<string, { paragraph?: number; cell?: string }> };
    expect(doc.kind).toBe('docx');
    expect(doc.ok).toBe(true);
    expect(doc.positions['income.total']?.cell).toMatch(/^table 1, row \d+, cell 2$/);
  });

  it.each([
    ['a poem', 'poem.txt', '床前明月光，\n疑是地上霜。\n'],
    ['random bytes', 'noise.bin', new Uint8Array(Array.from({ length: 4096 }, (_v, i) => (i * 7919 + 13) % 256))],
    ['an empty file', 'empty.txt', ''],
    ['a zip that is not Word', 'fake.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])],
  ])('%s: exit code 3 (input could not be read) with one clear sentence and no stack trace', (_name, file, content) => {
    const path = write(file, content);
    for (const command of ['import', 'check']) {
      const r = jixiao([command, path]);
      expect(r.code).toBe(3);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).toMatch(/。/);
    }
  });
});

describe('jixiao check on the filed form', () => {
  it('checks the seed text: the findings of domain.md §5', () => {
    const r = jixiao(['check', SEED_TEXT, '--format', 'json']);
    expect(r.code).toBe(1);
    const result = findings(r);
    const outcome = (id: string) => result.findings.find((f) => f.ruleId === id)?.outcome;
    expect(outcome('integrity/income-total')).toBe('fail');
    // The report keeps the position each finding points at: the income rule's first field, 本级财政预算安排.
    expect(result.positions?.['income.localBudget']).toMatchObject({ line: 26, excerpt: '267.47' });
    expect(outcome('staffing/declaration-consistent')).toBe('pass');
    expect(result.findings.find((f) => f.ruleId === 'integrity/answers-resolved')?.notes?.[0]?.messageId).toBe('inferred');
    expect(result.source).toBe(SEED_TEXT);
  });

  it('the .docx rendering reports the same findings as the text', () => {
    const text = findings(jixiao(['check', SEED_TEXT, '--format', 'json']));
    const docx = findings(jixiao(['check', SEED_DOCX, '--format', 'json']));
    const brief = (r: typeof text) => r.findings.map((f) => ({ ruleId: f.ruleId, outcome: f.outcome, severity: f.severity }));
    expect(brief(docx)).toEqual(brief(text));
    expect(docx.summary).toEqual(text.summary);
  });

  it('reads YAML too', () => {
    const evaluation = readFileSync(join(EXAMPLE, 'evaluation.json'), 'utf8');
    const yamlish = write('form.yaml', evaluation); // JSON is YAML
    const r = jixiao(['check', yamlish, '--format', 'json']);
    expect(r.code).toBe(1);
    const yamlResult = findings(r);
    const text = findings(jixiao(['check', SEED_TEXT, '--format', 'json']));
    expect(yamlResult.summary).toEqual(text.summary);
  });
});
