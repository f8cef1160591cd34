import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISCLOSURE_CHANNELS, type Evaluation } from '@jixiao/core';
import { evaluationArb, ruleFinding, testRule } from '@jixiao/testing';
import { pack } from './pack.js';

const RULE = 'disclosure/public-channel';

testRule(pack, RULE, [
  { name: 'seed: 门户网站', patch: { disclosure: { channels: ['portal'] } }, outcome: 'pass', message: '公开方式包含向社会公开的方式（门户网站）' },
  { name: '单位内部 and 其它', patch: { disclosure: { channels: ['internal', 'other'] } }, outcome: 'pass', message: '（单位内部、其它）' },
  { name: 'English channel names', patch: { disclosure: { channels: ['portal', 'internal'] } }, locale: 'en', outcome: 'pass', message: 'Published through a public channel (portal website, inside the unit)' },
  {
    name: '单位内部 only',
    patch: { disclosure: { channels: ['internal'] } },
    outcome: 'fail',
    check: 'internal-only',
    severity: 'error',
    message: '公开方式只勾选了“单位内部”，未通过门户网站或其他方式向社会公开',
  },
  { name: 'no channel ticked', patch: { disclosure: { channels: [] } }, outcome: 'indeterminate', message: '公开方式：无' },
  { name: 'channels blank', patch: { disclosure: { channels: null } }, outcome: 'indeterminate', message: '公开方式' },
  { name: 'not published', patch: { disclosure: { published: 'no', channels: ['internal'] } }, outcome: 'not-applicable' },
  { name: 'classified unit', patch: { unit: { classified: true }, disclosure: { channels: ['internal'] } }, outcome: 'not-applicable' },
  { name: 'published tick unreadable', patch: { disclosure: { published: 'ambiguous' } }, outcome: 'indeterminate', message: '无法辨认' },
  { name: 'English message', patch: { disclosure: { channels: ['internal'] } }, locale: 'en', outcome: 'fail', check: 'internal-only', message: 'inside the unit only' },
]);

describe(`${RULE} properties`, () => {
  it('for a published, non-classified form with channels ticked: fails exactly when no public channel (portal, other) is among them', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), fc.subarray([...DISCLOSURE_CHANNELS], { minLength: 1 }), async (base, channels) => {
        const e: Evaluation = { ...base, unit: { ...base.unit, classified: false }, disclosure: { ...base.disclosure, published: 'yes', channels } };
        const f = await ruleFinding(pack, RULE, e);
        expect(f.outcome).toBe(channels.includes('portal') || channels.includes('other') ? 'pass' : 'fail');
      }),
    );
  });

  it('never fails a form that is not published or belongs to a classified unit', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), fc.boolean(), async (base, classified) => {
        const e: Evaluation = classified
          ? { ...base, unit: { ...base.unit, classified: true } }
          : { ...base, unit: { ...base.unit, classified: null }, disclosure: { ...base.disclosure, published: 'no' } };
        expect((await ruleFinding(pack, RULE, e)).outcome).toBe('not-applicable');
      }),
    );
  });

  it('does not change when unrelated fields change', async () => {
    await fc.assert(
      fc.asyncProperty(evaluationArb(), evaluationArb(), async (e, other) => {
        const mixed: Evaluation = { ...other, unit: e.unit, disclosure: e.disclosure };
        expect((await ruleFinding(pack, RULE, mixed)).outcome).toBe((await ruleFinding(pack, RULE, e)).outcome);
      }),
    );
  });
});
