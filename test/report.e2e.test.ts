/**
 * The HTML report in a real browser: Debian's Chromium (never a downloaded one) driven by playwright-core.
 * Without Chromium these tests skip with a notice, except under CI=true (test/setup/system-tool.ts). The
 * screenshot and the printed PDF are left in test-artifacts/ (git-ignored) for a person to look at.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '@jixiao/adapters';
import { createChecker, parseEvaluation, type EvaluationResult } from '@jixiao/core';
import { loadPackFromDir } from '@jixiao/core/node';
import { importBuffer } from '@jixiao/import';
import { standardPacks } from '@jixiao/standard';
import { requireSystemTool } from './setup/system-tool.js';
import { tempDir } from './setup/temp.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ARTIFACTS = resolve(REPO, 'test-artifacts');
const CHROMIUM = requireSystemTool('chromium', 'apt-get install chromium fonts-wqy-microhei');

async function results(): Promise<EvaluationResult[]> {
  const checker = createChecker([loadPackFromDir(resolve(REPO, 'rules/integrity')), loadPackFromDir(resolve(REPO, 'rules/staffing'))]);
  const seed = parseEvaluation(JSON.parse(readFileSync(resolve(REPO, 'examples/beita-justice-2020/evaluation.json'), 'utf8')));
  const overstaffed = parseEvaluation({ ...seed, unit: { name: '南湖区财政局' }, staffing: { authorized: 55, actual: 96 } });
  return [
    await checker.checkEvaluation(seed, {
      source: 'examples/beita-justice-2020/evaluation.json',
      positions: { 'income.localBudget': { line: 14, column: 5, endLine: 14, endColumn: 26, excerpt: '"localBudget": 267.47' } },
    }),
    await checker.checkEvaluation(overstaffed, { source: 'forms/nanhu.json' }),
  ];
}

describe.skipIf(CHROMIUM === undefined)('HTML report in headless Chromium', () => {
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    // A fresh profile (playwright passes it as --user-data-dir): nothing from an earlier run or a person's browser.
    context = await chromium.launchPersistentContext(tempDir('jixiao-chromium-'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1024, height: 768 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await context?.close();
  });

  it('renders offline: the findings, figures, basis and excerpt show, nothing is fetched, and it prints on A4', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'report.html');
    writeFileSync(file, formatHtml(await results(), { locale: 'zh-CN', toolVersion: 'e2e' }));
    if (context === undefined) throw new Error('Chromium did not start');
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

    expect(await page.title()).toBe('部门整体支出绩效自评检查报告');
    const text = await page.innerText('body');
    expect(text).toContain('汇总（已检查 2 份）');
    expect(text).toContain('北塔区司法局 2020');
    expect(text).toContain('不通过·错误');
    expect(text).toContain('收入合计 264.47 万元与各项之和 267.47 万元不符');
    expect(text).toContain('《部门整体支出绩效自评基础数据表（表内勾稽关系）》');
    expect(text).toContain('"localBudget": 267.47');
    expect(text).toContain('实有人数 96 人超过编制人数 55 人');
    // The summary table has one row per form, linking to its section.
    expect(await page.locator('table.summary-table tbody tr').count()).toBe(2);
    expect(await page.locator('section.form').count()).toBe(2);
    // Styles applied (inline CSS works under the page's own CSP): failures get the red border.
    const border = await page.locator('article.finding.error').first().evaluate((el) => getComputedStyle(el).borderLeftColor);
    expect(border).toBe('rgb(180, 35, 24)');

    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(problems).toEqual([]);

    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    writeFileSync(join(ARTIFACTS, 'report.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('prints one form of the seed, checked with every standard rule, on two A4 pages with the check date and a sign-off block', async () => {
    // Before: four pages, the first ~40 % empty (every finding kept whole, a table per finding's values).
    const bytes = new Uint8Array(readFileSync(resolve(REPO, 'examples/beita-justice-2020/000_1f3a69e61e56d541.txt')));
    const read = await importBuffer(bytes, { filename: '000_1f3a69e61e56d541.txt' });
    if (!read.ok) throw new Error('the seed does not import');
    const result = await createChecker(standardPacks()).checkEvaluation(read.evaluation, { source: 'examples/beita-justice-2020/000_1f3a69e61e56d541.txt', positions: read.positions });
    expect(result.summary).toMatchObject({ total: 48, fail: 5 });
    const file = join(ARTIFACTS, 'seed.html');
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(file, formatHtml([result], { locale: 'zh-CN', toolVersion: 'e2e', checkDate: '2026-11-30' }));
    if (context === undefined) throw new Error('Chromium did not start');
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const text = await page.innerText('body');
    expect(text).toContain('检查日期：2026-11-30');
    expect(text).toContain('复核意见');
    expect(text).toContain('复核人（签字）');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    writeFileSync(join(ARTIFACTS, 'seed.pdf'), pdf);
    // Page objects of the PDF (`/Type /Page`, not the `/Pages` tree).
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(2);
    await page.close();
  });
});
