import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadPackFromDir } from '../node/index.js';
import { CaseFileSchema } from '../pack/cases.js';
import { runCases } from '../pack/case-runner.js';

const pack = (name: string) => loadPackFromDir(fileURLToPath(new URL(`../../../../rules/${name}`, import.meta.url)));

describe('case files for cross-form rules: `previous` and `batch`', () => {
  it('a case gives the previous-year form and the batch; the branches no-previous-form and no-batch are covered', async () => {
    const history = CaseFileSchema.parse(
      parseYaml(`
cases:
  - name: carry-over matches
    patch: { income: { carryOver: 12.5 } }
    previous: { budgetExecution: { hasSurplus: "yes", surplusAmount: 12.5 } }
    expect: { carry-over: pass }
  - name: carry-over differs
    patch: { income: { carryOver: 12.5 } }
    previous: { budgetExecution: { hasSurplus: "yes", surplusAmount: 10 } }
    expect: { carry-over: { outcome: fail, check: differs, message: "2019 年度表所填结余金额 10.00 万元" } }
  - name: no previous form
    patch: { income: { carryOver: 12.5 } }
    expect: { carry-over: { outcome: not-applicable, check: no-previous-form } }
  - name: wrong expectation
    patch: { income: { carryOver: 12.5 } }
    previous: { budgetExecution: { surplusAmount: 10 } }
    expect: { carry-over: pass }
`),
    );
    const report = await runCases(pack('history'), [{ file: 'cases/history.yaml', content: history }]);
    expect(report.totals).toEqual({ cases: 4, passed: 3, failed: 1, errors: 0 });
    const carry = report.coverage.find((c) => c.ruleId === 'history/carry-over');
    expect(carry?.branches.filter((b) => b.covered).map((b) => b.id).sort()).toEqual(['differs', 'no-previous-form', 'pass']);
    expect(carry?.conditions.find((c) => c.path === 'checks.0.when.all.0')).toMatchObject({ seenTrue: true, seenFalse: true });

    const batch = CaseFileSchema.parse(
      parseYaml(`
cases:
  - name: twice
    batch: [{}]
    expect: { duplicate-submission: { outcome: fail, check: submitted-twice, message: "#batch.1" } }
  - name: alone
    expect: { duplicate-submission: { outcome: not-applicable, check: no-batch } }
  - name: bad batch form
    batch: [{ staffing: { actual: -1 } }]
    expect: { duplicate-submission: pass }
`),
    );
    const b = await runCases(pack('batch'), [{ file: 'cases/batch.yaml', content: batch }]);
    expect(b.totals).toEqual({ cases: 3, passed: 2, failed: 0, errors: 1 });
    expect(b.cases[2]?.error?.en).toContain('batch.0');
  });
});
