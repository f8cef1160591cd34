/**
 * `npm run bench -- --xlsx [N]` (default 200): the same N forms as real .docx files and as Excel workbooks (each
 * form's Word text laid out in one sheet, a row a line, a cell a tab-separated piece, written by exceljs), plus one
 * broken file each, checked end to end by the built CLI (JSON report) with `--jobs 1` and `--jobs 2`, best of two
 * runs each: .xlsx forms/s with .docx as the reference measured in the same run, CPU time (user + system, all
 * threads) and peak memory by GNU time, and the load average before and after. Never part of `npm test`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { Evaluation } from '@jixiao/core';
import { renderFormText } from '@jixiao/import';
import { evaluationArb } from '@jixiao/testing';
import { DOCX_ENCODINGS, renderFormDocx } from '../../packages/import/scripts/render-docx.js';

const ROOT = process.cwd();
const BIN = join(ROOT, 'packages/cli/bin/jixiao.js');
const N = ((i) => (i === -1 || Number.isNaN(Number(process.argv[i + 1])) ? 200 : Number(process.argv[i + 1])))(process.argv.indexOf('--xlsx'));

async function renderFormXlsx(f: Evaluation): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('自评表');
  for (const line of renderFormText(f).split('\n')) sheet.addRow(line.split('\t'));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function measured(args: string[], cwd: string): { ms: number; mb: number; cpu: number; stderr: string } {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'MAXRSS %M CPU %U %S', process.execPath, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1', NO_COLOR: '1' }, maxBuffer: 1 << 30 });
  const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { ms: performance.now() - t, mb: Math.round(Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? 'NaN') / 1024), cpu: Number(cpu?.[1] ?? 'NaN') + Number(cpu?.[2] ?? 'NaN'), stderr: r.stderr };
}

const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

const dir = join(tmpdir(), `jixiao-bench-xlsx-${String(process.pid)}`);
rmSync(dir, { recursive: true, force: true });
const forms = fc.sample(evaluationArb(), { numRuns: N, seed: 20260101 });
const name = (i: number) => `form-${String(i).padStart(6, '0')}`;
for (const kind of ['docx', 'xlsx']) mkdirSync(join(dir, kind), { recursive: true });
for (const [i, f] of forms.entries()) {
  writeFileSync(join(dir, 'docx', `${name(i)}.docx`), await renderFormDocx(f, DOCX_ENCODINGS[i % DOCX_ENCODINGS.length]));
  writeFileSync(join(dir, 'xlsx', `${name(i)}.xlsx`), await renderFormXlsx(f));
}
writeFileSync(join(dir, 'docx', 'broken.docx'), 'PK\u0003\u0004 not a zip');
writeFileSync(join(dir, 'xlsx', 'broken.xlsx'), 'PK\u0003\u0004 not a zip');
console.log(`jixiao bench --xlsx: ${String(N)} forms as .docx and as .xlsx; ${uptime()}`);
const results: Record<string, Record<string, unknown>> = {};
for (const kind of ['docx', 'xlsx']) {
  for (const jobs of [1, 2]) {
    const out = join(dir, `out-${kind}-${String(jobs)}.json`);
    const runs = [0, 1].map(() => measured(['check', kind, '--format', 'json', '-o', out, '--jobs', String(jobs)], dir));
    const r = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const rate = Math.round(N / (r.ms / 1000));
    const checked = Number(/已检查 (\d+) 份/.exec(r.stderr)?.[1] ?? 'NaN');
    results[`${kind}-${String(jobs)}`] = { rate, cpu: r.cpu, ms: Math.round(r.ms), mb: Math.max(...runs.map((x) => x.mb)), checked };
    console.log(`${kind}, --jobs ${String(jobs)}: ${String(rate)} forms/s (${r.cpu.toFixed(1)} s CPU in ${(r.ms / 1000).toFixed(1)} s, ${String(Math.max(...runs.map((x) => x.mb)))} MB); forms checked ${String(checked)}`);
  }
  console.log(`${kind}: reports byte-identical between --jobs 1 and 2: ${String(readFileSync(join(dir, `out-${kind}-1.json`)).equals(readFileSync(join(dir, `out-${kind}-2.json`))))}`);
}
console.log(uptime());
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
writeFileSync(join(ROOT, 'bench/out/xlsx-results.json'), `${JSON.stringify({ forms: N, node: process.version, results }, null, 2)}\n`);
