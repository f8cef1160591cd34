// What a reader sees of the model: a field by the form's label in the reader's language (stderr diagnostics, reasons
// a file was not read, report tables), its model path and each citation's check only with --verbose (or
// "verbose": true in the config, which --print-config shows).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folders, jixiao, ROOT, SEED } from './cli-run.js';

const { tmp } = folders('jixiao-cli-verbose-');

/** The seed form as Word text, its 单位名称 label misspelt (a `missing-label` diagnostic about unit.name), and the seed JSON with a text fiscal year (not read). */
function forms(): { dir: string; text: string; json: string } {
  const dir = tmp();
  const seedText = readFileSync(join(ROOT, 'examples/beita-justice-2020/000_1f3a69e61e56d541.txt'), 'utf8');
  writeFileSync(join(dir, 'form.txt'), seedText.replace('单位名称', '单位xx'));
  const seed = JSON.parse(readFileSync(SEED, 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'year.json'), JSON.stringify({ ...seed, fiscalYear: 'abc' }, null, 2));
  return { dir, text: 'form.txt', json: 'year.json' };
}

describe('stderr names a field by its label, the model path only with --verbose', () => {
  it('an import diagnostic (zh-CN and en)', async () => {
    const { dir, text } = forms();
    const zh = await jixiao(dir, ['check', text, '--exit-zero']);
    expect(zh.stderr).toContain('[missing-label] 单位名称: ');
    expect(zh.stderr).not.toContain('unit.name');
    expect((await jixiao(dir, ['check', text, '--exit-zero', '--verbose'])).stderr).toContain('[missing-label] 单位名称（unit.name）: ');
    const en = await jixiao(dir, ['check', text, '--exit-zero', '--locale', 'en']);
    expect(en.stderr).toContain('[missing-label] unit name: ');
    expect(en.stderr).not.toContain('unit.name');
    expect((await jixiao(dir, ['check', text, '--exit-zero', '--locale', 'en', '--verbose'])).stderr).toContain('[missing-label] unit name (unit.name): ');
    // jixiao import says it the same way.
    expect((await jixiao(dir, ['import', text])).stderr).toContain('[missing-label] 单位名称: ');
    expect((await jixiao(dir, ['import', text, '--verbose'])).stderr).toContain('[missing-label] 单位名称（unit.name）: ');
  });

  it('why a file was not read, on stderr and in the report', async () => {
    const { dir, json } = forms();
    const alone = await jixiao(dir, ['check', json]);
    expect(alone.code).toBe(3);
    expect(alone.stderr).toContain('[schema-invalid_type] 年度: 类型错误：应为数字，实为文本 "abc"');
    expect(alone.stderr).not.toContain('fiscalYear');
    const verbose = await jixiao(dir, ['check', json, '--verbose', '--locale', 'en']);
    expect(verbose.stderr).toContain('[schema-invalid_type] fiscal year (fiscalYear): wrong type: expected number, got string "abc"');
    const report = await jixiao(dir, ['check', json, 'form.txt', '--format', 'markdown', '--exit-zero']);
    expect(report.stdout).toContain('\\[schema-invalid\\_type\\] 年度: 类型错误');
    expect(report.stdout).not.toContain('fiscalYear');
  });

  it('a whole section of a JSON form (`unit` a number, `income` missing) by the section label from the model, its path only with --verbose', async () => {
    const dir = tmp();
    const { income: _income, ...seed } = JSON.parse(readFileSync(SEED, 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'sections.json'), JSON.stringify({ ...seed, unit: 5 }, null, 2));
    const zh = await jixiao(dir, ['check', 'sections.json', '--format', 'markdown', '--exit-zero']);
    for (const out of [zh.stderr, zh.stdout]) {
      expect(out).toContain('单位信息: 类型错误：应为对象，实为数字 5');
      expect(out).toContain('年度收入: 缺少此字段');
      expect(out).not.toMatch(/\] (unit|income):/);
    }
    const verbose = await jixiao(dir, ['check', 'sections.json', '--verbose', '--locale', 'en']);
    expect(verbose.stderr).toContain('[schema-invalid_type] unit details (unit): wrong type: expected object, got number 5');
    expect(verbose.stderr).toContain('[schema-invalid_type] income (income): field is missing');
  });
});

describe('--verbose in the reports', () => {
  it('zh-CN tables show the model paths and the reports each citation’s check only with --verbose (text, Markdown, HTML)', async () => {
    // HTML keeps the path in each value's title (shown on hover): what the page shows is its text.
    const shown = (format: string, out: string) => (format === 'html' ? out.replace(/<[^>]*>/g, '') : out);
    for (const format of ['text', 'markdown', 'html']) {
      const plain = shown(format, (await jixiao(ROOT, ['check', SEED, '--format', format, '--exit-zero'])).stdout);
      expect(plain, format).not.toContain('income.total');
      expect(plain, format).not.toContain('已核实');
      const verbose = shown(format, (await jixiao(ROOT, ['check', SEED, '--format', format, '--exit-zero', '--verbose'])).stdout);
      expect(verbose, format).toContain('income.total');
      expect(verbose, format).toMatch(/〔已核实 \d{4}-\d{2}-\d{2}：[^〕]+〕/);
    }
    const en = (await jixiao(ROOT, ['check', SEED, '--locale', 'en', '--exit-zero'])).stdout;
    expect(en).not.toMatch(/\[verified \d{4}/);
    expect((await jixiao(ROOT, ['check', SEED, '--locale', 'en', '--exit-zero', '--verbose'])).stdout).toMatch(/\[verified \d{4}-\d{2}-\d{2}: [^\]]+\]/);
  });

  it('"verbose": true in the config is --verbose, and --print-config shows it', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'verbose.json'), JSON.stringify({ verbose: true }));
    const configured = await jixiao(dir, ['check', SEED, '--config', 'verbose.json', '--exit-zero']);
    expect(configured.stdout).toBe((await jixiao(dir, ['check', SEED, '--verbose', '--exit-zero'])).stdout);
    const printed = async (args: string[]) => (JSON.parse((await jixiao(dir, ['check', '--print-config', ...args])).stdout) as { verbose?: boolean }).verbose;
    expect(await printed(['--config', 'verbose.json'])).toBe(true);
    expect(await printed(['--verbose'])).toBe(true);
    expect(await printed([])).toBe(false);
  });
});
