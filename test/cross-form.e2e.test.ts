// The cross-form pass through the built CLI: --history, a batch of several years and units, determinism across
// file order and --jobs, and the examples README's commands.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResultDocumentSchema, type ResultDocument } from '@jixiao/core';
import { baseEvaluation, evaluationArb } from '@jixiao/testing';
import { tempDir } from './setup/temp.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/jixiao.js');
const SEED_TEXT = 'examples/beita-justice-2020/000_1f3a69e61e56d541.txt';
const COPIED = '全年共办理法律援助案件312件，为困难群众挽回经济损失约460万元；开展普法宣传活动48场，覆盖群众2.3万人次；人民调解组织调处矛盾纠纷1025件。';

function jixiao(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const doc = (stdout: string): ResultDocument => ResultDocumentSchema.parse(JSON.parse(stdout));

describe('jixiao check --history', () => {
  it('examples/history: the 2021 form joined to the seed; the 三公 claim the two years contradict, the carry-over that differs', () => {
    const r = jixiao(['check', 'examples/history/beita-justice-2021.json', '--history', SEED_TEXT, '--format', 'json']);
    expect(r.code).toBe(1);
    const { crossForm } = doc(r.stdout);
    expect(crossForm?.history).toEqual([{ source: 'examples/history/beita-justice-2021.json', previous: SEED_TEXT }]);
    const byRule = new Map(crossForm?.findings.map((f) => [f.ruleId, f]));
    expect(byRule.get('history/three-public-declined')).toMatchObject({
      outcome: 'fail',
      severity: 'error',
      message: expect.stringContaining('本年三公经费 0.25 万元不低于 2020 年度表所填的 0.18 万元') as unknown,
      related: [{ source: SEED_TEXT, relation: 'previous-year', positions: { 'expenditure.threePublic': { line: 55 } } }],
    });
    expect(byRule.get('history/carry-over')?.message).toContain('本表上年结转 18.60 万元，与 2020 年度表所填结余金额 0.00 万元不一致');
    expect(byRule.get('history/staffing-change')?.severity).toBe('info');
  });

  it('without --history the same form has no cross-form section (one form: nothing to compare)', () => {
    const r = jixiao(['check', 'examples/history/beita-justice-2021.json', '--format', 'json']);
    expect(doc(r.stdout).crossForm).toBeUndefined();
  });

  it('a history file that cannot be read is listed with the reason (exit 3), the rest still checked', () => {
    const dir = tempDir('jixiao-hist-');
    writeFileSync(join(dir, 'broken.json'), '{"fiscalYear": 2020,');
    const r = jixiao(['check', 'examples/history/beita-justice-2021.json', '--history', join(dir, 'broken.json'), '--format', 'json']);
    expect(r.code).toBe(3);
    const d = doc(r.stdout);
    expect(d.unread.map((u) => u.reason).join('')).toContain('--history');
    expect(d.crossForm?.history).toEqual([]);
  });
});

describe('the notes of the cross-form rules reach the report (issue 15, lead\'s review)', () => {
  it('a unit that spent nothing on 三公 in 2020 and 2021: the note under 请复核 in the text report, in the JSON report\'s crossForm.reviewNotes', () => {
    const dir = tempDir('jixiao-cross-notes-');
    const base = baseEvaluation();
    for (const fiscalYear of [2020, 2021]) {
      const form = { ...base, fiscalYear, threePublic: { ...base.threePublic, declined: 'yes' }, expenditure: { ...base.expenditure, threePublic: 0, threePublicPriorYear: null }, costControl: undefined };
      writeFileSync(join(dir, `${String(fiscalYear)}.json`), JSON.stringify(form));
    }
    const note = '提示：本年与 2020 年度三公经费均为 0（未开支），无增，也无可再减';
    const text = jixiao(['check', dir, '--quiet']);
    expect(text.stdout).toMatch(new RegExp(`请复核:\\n\\s+\\S*2021\\.json（示例单位 2021） “三公经费比上年下降”由两年的表证实：${note}`));
    const json = doc(jixiao(['check', dir, '--format', 'json']).stdout);
    expect(json.crossForm?.reviewNotes).toContainEqual(expect.objectContaining({ ruleId: 'history/three-public-declined', outcome: 'pass', messageId: 'nothing-spent', message: note }));
  });
});

/** A README's fenced blocks of one language, each as its lines. */
function blocks(readme: string, language: string): string[][] {
  const text = readFileSync(join(ROOT, readme), 'utf8');
  return [...text.matchAll(new RegExp(`\`\`\`${language}\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => (m[1] ?? '').split('\n').filter((l) => l !== ''));
}

describe('the examples as their READMEs show them (issue 17.6)', () => {
  // Each README's command run as written (the shell would expand a glob; the CLI expands it here): every file it
  // names is read (a README in a folder given whole is listed as unreadable, exit 3), and every line its text block
  // shows (but the lines that are only an elision) is a line of what the command prints.
  it.each([
    ['examples/history/README.md', 'README.md'],
    ['examples/batch-copy/README.md', undefined],
  ])('%s: its command reads every file, exits 1 and prints what the README shows', (readme, alsoShownIn) => {
    const [command] = blocks(readme, 'sh');
    expect(command).toHaveLength(1);
    const args = (command?.[0] ?? '').replace(/^npx jixiao /, '').split(' ');
    const r = jixiao(args);
    // Nothing unread: no file listed (a batch's summary says 无法读取 0 份, a single file says nothing).
    expect(r.stderr).not.toMatch(/无法读取(?! 0 份)/);
    expect(r.code).toBe(1);
    const printed = r.stdout.split('\n');
    // The cross-form section as shown: in the example's README, or (the history example) in the project's.
    const shown = blocks(alsoShownIn ?? readme, 'text').filter((b) => b[0] === '跨表核对（跨年度、同批次）');
    expect(shown).toHaveLength(1);
    const lines = (shown[0] ?? []).filter((l) => l.trim() !== '…');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    // A "…" inside a line stands for what the README leaves out of it (a long shared passage).
    const matches = (line: string) => new RegExp(`^${line.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    for (const line of lines) expect(printed.some((p) => matches(line).test(p)), line).toBe(true);
  });
});

describe('a batch: copies, several years, determinism', () => {
  it('examples/batch-copy: the copied narrative, both units, the similarity and the shared passage', () => {
    const r = jixiao(['check', 'examples/batch-copy', '--format', 'json']);
    const findings = doc(r.stdout).crossForm?.findings.filter((f) => f.ruleId === 'batch/copied-narrative') ?? [];
    expect(findings.map((f) => f.source)).toEqual(['examples/batch-copy/donghu-justice-2021.json', 'examples/batch-copy/xihu-justice-2021.json']);
    expect(findings[0]?.message).toContain('与 西湖区司法局（examples/batch-copy/xihu-justice-2021.json，2021 年度）的部门主要绩效文字相似度 100.00%（不计数字；不低于 70.00%）');
    expect(findings[0]?.message).toContain('共同段落');
    // 100 % is the wording; the figures differ, and the reader is shown which (issue 15).
    expect(findings[0]?.message).toMatch(/；共同段落中本表与另一表不同的数字：287 ≠ 312、395 ≠ 460、36 ≠ 48、1\.9 ≠ 2\.3、866 ≠ 1025、97 ≠ 98、9 ≠ 12$/);
  });

  // Three runs of the built CLI over 26 forms: 5.2 s in the merge train, 38 s beside three busy loops (load 9.5), where
  // the 30 s default stopped it; each run may take the 120 s its spawn allows.
  it('gives the same report whatever the order of the paths and the number of threads', { timeout: 360_000 }, () => {
    const dir = tempDir('jixiao-cross-batch-');
    mkdirSync(join(dir, 'in'));
    // Several units over two years, some narratives copied, one unit-year twice.
    const forms = fc.sample(evaluationArb({ blanks: false }), { numRuns: 24, seed: 17 }).map((e, i) => ({
      ...e,
      unit: { name: `单位${String(i % 9)}` },
      fiscalYear: 2020 + (i % 2),
      achievements: i % 4 === 0 ? COPIED : e.achievements,
    }));
    forms.forEach((f, i) => {
      writeFileSync(join(dir, 'in', `f${String(i).padStart(2, '0')}.json`), JSON.stringify(f));
    });
    writeFileSync(join(dir, 'in', 'twice.json'), JSON.stringify({ ...baseEvaluation(), unit: { name: '单位1' }, fiscalYear: 2021 }));
    copyFileSync(join(ROOT, 'examples/batch-copy/xihu-justice-2021.json'), join(dir, 'in', 'xihu.json'));
    const names = [...forms.map((_, i) => `in/f${String(i).padStart(2, '0')}.json`), 'in/twice.json', 'in/xihu.json'];
    const one = jixiao(['check', ...names, '--format', 'json', '--jobs', '1'], dir);
    const reversed = jixiao(['check', ...[...names].reverse(), '--format', 'json', '--jobs', '1'], dir);
    const threads = jixiao(['check', 'in', '--format', 'json', '--jobs', '2'], dir);
    const cross = doc(one.stdout).crossForm;
    expect(cross?.history.length).toBeGreaterThan(0);
    expect(cross?.findings.some((f) => f.ruleId === 'batch/copied-narrative')).toBe(true);
    expect(cross?.findings.some((f) => f.ruleId === 'batch/duplicate-submission')).toBe(true);
    expect(reversed.stdout).toBe(one.stdout);
    expect(threads.stdout).toBe(one.stdout);
    expect(threads.code).toBe(one.code);
  });
});
