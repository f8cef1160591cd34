/**
 * The workbench in a real browser: Debian's Chromium (never a downloaded one) driven by playwright-core, on the
 * page as built (a fresh build into a temporary folder), opened from disk (file://) as a reviewer would open a
 * copied folder, and once served over HTTP. Every scenario also asserts that nothing was fetched from anywhere
 * but the page's own files. Screenshots are left in test-artifacts/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const ARTIFACTS = resolve(REPO, 'test-artifacts');
const SEED_DOCX = resolve(REPO, 'examples/beita-justice-2020/form.docx');
const SEED_TEXT = readFileSync(resolve(REPO, 'examples/beita-justice-2020/000_1f3a69e61e56d541.txt'), 'utf8');
const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);

if (!HAVE_CHROMIUM) {
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (see .ci/run)`);
  process.stderr.write(`[skip] packages/web/test/workbench.test.ts: no ${CHROMIUM} (apt-get install chromium fonts-wqy-microhei)\n`);
}

let work: string;
let dist: string;
let browser: Browser;

/** A page on the built workbench that records every request and every console error. */
async function openPage(url: string): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  await page.getByText(/当前启用 \d+ 条规则/).waitFor();
  return { page, requests, problems };
}

/** Only the page's own files and the workers' blobs: no network at all. */
function ownFilesOnly(requests: readonly string[], origin: string): string[] {
  return requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:'));
}

beforeAll(() => {
  if (!HAVE_CHROMIUM) return;
  work = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
  dist = join(work, 'dist');
  execFileSync(process.execPath, [resolve(REPO, 'packages/web/scripts/build.mjs'), dist], { stdio: 'ignore' });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  if (!HAVE_CHROMIUM) return;
  await browser.close();
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!HAVE_CHROMIUM)('the workbench in Chromium, opened from disk', () => {
  it('checks the seed .docx: the five failures with 264.47 / 267.47, the income cell marked, nothing fetched', async () => {
    const { page, requests, problems } = await openPage(pathToFileURL(join(dist, 'index.html')).href);
    await page.getByTestId('pick-files').setInputFiles(SEED_DOCX);
    const row = page.locator('table.forms tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    const cells = await row.locator('td').allTextContents();
    // unit, year, claimed grade, errors, warnings, indeterminate, red flags, waived
    expect(cells).toEqual(['北塔区司法局', '2020', '优', '1', '4', '1', '0', '0']);
    await page.screenshot({ path: join(ARTIFACTS, 'web-dashboard.png'), fullPage: true });

    await row.getByRole('button').click();
    const failures = page.locator('.finding-list .finding').filter({ hasText: /不通过/ });
    await expect.poll(() => failures.count()).toBe(5);
    expect((await page.locator('.finding-list .finding[data-rule]').filter({ hasText: /不通过/ }).evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).sort()).toEqual([
      'budget/expenditure-within-income',
      'integrity/income-total',
      'procurement/plan-in-place',
      'rating/self-rating-supported',
      'revenue/non-tax-target-met',
    ]);
    const income = page.locator('.finding[data-rule="integrity/income-total"]');
    await expect.poll(() => income.textContent()).toMatch(/264\.47.*267\.47/s);
    // The cell the income total was read from carries the failure's mark.
    const cell = page.locator('tr[data-place="cell:table 1, row 7, cell 2"]');
    expect(await cell.getAttribute('class')).toMatch(/marked bad/);
    expect(await cell.textContent()).toContain('integrity/income-total');
    await page.screenshot({ path: join(ARTIFACTS, 'web-form.png'), fullPage: false });

    expect(ownFilesOnly(requests, 'file://')).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('steps through a form’s findings by keyboard alone, and back to the list', async () => {
    const { page } = await openPage(pathToFileURL(join(dist, 'index.html')).href);
    await page.getByTestId('pick-files').setInputFiles(SEED_DOCX);
    await page.locator('table.forms tbody tr').first().waitFor();
    // Keyboard only from here: Tab to the form's button, Enter to open it.
    const open = page.getByRole('button', { name: /打开 form\.docx/ });
    await open.focus();
    await page.keyboard.press('Enter');
    await page.locator('#form-heading').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('form-heading');
    const first = page.locator('.finding-list .finding').first();
    await first.focus();
    const focusedRule = () => page.evaluate(() => document.activeElement?.getAttribute('data-rule'));
    const order = await page.locator('.finding-list .finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(await focusedRule()).toBe(order[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focusedRule()).toBe(order[1]);
    await page.keyboard.press('j');
    expect(await focusedRule()).toBe(order[2]);
    await page.keyboard.press('k');
    expect(await focusedRule()).toBe(order[1]);
    await page.keyboard.press('End');
    expect(await focusedRule()).toBe(order.at(-1));
    // The selected finding's place is the highlighted one.
    await page.keyboard.press('Home');
    expect(await page.locator('tr.active').getAttribute('data-place')).toBe('cell:table 1, row 7, cell 2');
    await page.getByRole('button', { name: /返回列表/ }).focus();
    await page.keyboard.press('Enter');
    await page.locator('table.forms').waitFor();
    await page.close();
  });

  it('a folder of 50 forms with one broken: 49 rows, one unreadable file with its reason, sorted by errors', async () => {
    const folder = join(work, 'submissions');
    mkdirSync(folder, { recursive: true });
    for (let i = 1; i <= 49; i++) {
      // Every third form adds up its income (no integrity error); the others keep the seed's mismatch.
      let text = SEED_TEXT.replace('北塔区司法局', `测试单位${String(i).padStart(2, '0')}`);
      if (i % 3 === 0) text = text.replace('264.47', '267.47');
      writeFileSync(join(folder, `form-${String(i).padStart(2, '0')}.txt`), text);
    }
    writeFileSync(join(folder, 'broken.docx'), 'PK\u0003\u0004 this is not a zip');
    writeFileSync(join(folder, '~$form-01.docx'), 'Office lock file: skipped');
    const { page, requests } = await openPage(pathToFileURL(join(dist, 'index.html')).href);
    await page.getByTestId('pick-folder').setInputFiles(folder);
    await page.getByText('已检查 50 / 50 份').waitFor();
    await expect.poll(() => page.locator('table.forms tbody tr').count()).toBe(49);
    const unreadable = page.locator('ul.unreadable li');
    expect(await unreadable.count()).toBe(1);
    expect(await unreadable.textContent()).toMatch(/submissions\/broken\.docx.*\S/s);

    await page.getByRole('button', { name: '错误', exact: true }).click();
    const errors = async () => (await page.locator('table.forms tbody tr td:nth-of-type(4)').allTextContents()).map(Number);
    const descending = await errors();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(descending[0]).toBeGreaterThan(descending.at(-1) ?? 0);
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('错误');
    expect(ownFilesOnly(requests, 'file://')).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!HAVE_CHROMIUM)('the workbench served over HTTP', () => {
  it('works the same from a web server, still without a request beyond its own files', async () => {
    const { createServer } = await import('@jixiao/adapters');
    const { createChecker } = await import('@jixiao/core');
    const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
    const staticFiles = new Map(readdirSync(dist).map((name) => [name === 'index.html' ? '/' : `/${name}`, { body: readFileSync(join(dist, name)), type: types[extname(name)] ?? 'application/octet-stream' }]));
    const app = createServer({ checker: createChecker([]), readSubmission: () => Promise.resolve({ ok: false, reason: 'unused' }), version: 'e2e', staticFiles });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.server.address();
      const origin = `http://127.0.0.1:${String(typeof address === 'object' && address !== null ? address.port : 0)}`;
      const { page, requests, problems } = await openPage(`${origin}/`);
      await page.getByTestId('pick-files').setInputFiles(SEED_DOCX);
      await expect.poll(() => page.locator('table.forms tbody tr').count()).toBe(1);
      expect(ownFilesOnly(requests, origin)).toEqual([]);
      expect(requests.filter((u) => u.includes('/v1/'))).toEqual([]);
      expect(problems).toEqual([]);
      // The policy itself: even the server's own live endpoint is out of reach for a script on the page.
      const attempt = await page.evaluate(async () => fetch('/healthz').then(() => 'sent', () => 'refused'));
      expect(attempt).toBe('refused');
      expect(problems.join('\n')).toMatch(/Content Security Policy/);
      await page.close();
    } finally {
      await app.close();
    }
  });
});
