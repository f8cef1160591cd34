import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANDS, ROWS, candidatePairs, narrativeChars, estimatedSimilarity, jaccard, jaccardPercent, longestSharedPassage, minhash, normalizeNarrative, shingleHashes, SHINGLE } from './similarity.js';

const hanText = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'财政预算绩效管理资金使用规范目标完成群众满意制度建设监督检查整改落实年度工作'.split('')), { minLength: min, maxLength: max }).map((c) => c.join(''));

/** The distinct 5-character substrings of a string: the definition, written out plainly. */
function shingleSet(chars: string): Set<string> {
  const points = Array.from(chars);
  const out = new Set<string>();
  if (points.length <= SHINGLE) out.add(points.join(''));
  else for (let i = 0; i + SHINGLE <= points.length; i++) out.add(points.slice(i, i + SHINGLE).join(''));
  return out;
}

describe('normalizeNarrative', () => {
  it('keeps letters and digits, one # per run of digits, NFKC, lower case', () => {
    expect(normalizeNarrative('办理案件 312 件，ＡＢ为 2.3 万人次！').chars).toBe('办理案件#件ab为##万人次') // 2.3: the point is dropped, so two runs of digits;
  });
  it('narrativeChars gives the same characters (without offsets) on CJK, Latin, digits and punctuation', () => {
    const chars = fc.array(fc.constantFrom(...'财政预算，。；：“”（）ＡＢab CD１２3.45%\u3000\u200b－—①'.split('')), { maxLength: 60 }).map((c) => c.join(''));
    fc.assert(
      fc.property(chars, (t) => {
        expect(narrativeChars(t)).toBe(normalizeNarrative(t).chars);
      }),
    );
  });

  it('maps each character kept back to where it stands in the text', () => {
    const text = '甲，乙 12丙';
    const n = normalizeNarrative(text);
    expect(Array.from(n.chars).map((c, i) => (c === '#' ? '#' : text[n.offsets[i] ?? 0]))).toEqual(['甲', '乙', '#', '丙']);
  });
});

describe('shingles and Jaccard', () => {
  it('shingleHashes has one hash per distinct shingle (no collisions on these texts)', () => {
    fc.assert(
      fc.property(hanText(1, 80), (t) => {
        expect(shingleHashes(t).length).toBe(shingleSet(t).size);
      }),
    );
  });

  it('jaccard is |A∩B| / |A∪B| of the shingle sets', () => {
    fc.assert(
      fc.property(hanText(1, 60), hanText(1, 60), (a, b) => {
        const sa = shingleSet(a);
        const sb = shingleSet(b);
        const both = [...sa].filter((s) => sb.has(s)).length;
        expect(jaccard(shingleHashes(a), shingleHashes(b))).toBeCloseTo(both / (sa.size + sb.size - both), 12);
      }),
    );
  });

  it('is 100% for a text and itself and symmetric', () => {
    fc.assert(
      fc.property(hanText(1, 60), hanText(1, 60), (a, b) => {
        expect(jaccardPercent(shingleHashes(a), shingleHashes(a))).toBe(100);
        expect(jaccardPercent(shingleHashes(a), shingleHashes(b))).toBe(jaccardPercent(shingleHashes(b), shingleHashes(a)));
      }),
    );
  });
});

describe('MinHash', () => {
  it('equal sets give equal signatures; the estimate is 1 for them', () => {
    fc.assert(
      fc.property(hanText(10, 80), (a) => {
        expect(estimatedSimilarity(minhash(shingleHashes(a)), minhash(shingleHashes(a.slice())))).toBe(1);
      }),
    );
  });

  it('estimates Jaccard within sampling error (64 hash functions: standard error ≤ 1/16)', () => {
    // Over many pairs the mean error of an unbiased estimator is close to 0.
    const errors: number[] = [];
    fc.assert(
      fc.property(hanText(60, 200), hanText(0, 100), fc.nat(), (base, extra, cut) => {
        const a = base;
        const b = base.slice(0, cut % base.length) + extra;
        const exact = jaccard(shingleHashes(a), shingleHashes(b));
        errors.push(estimatedSimilarity(minhash(shingleHashes(a)), minhash(shingleHashes(b))) - exact);
      }),
      { numRuns: 300 },
    );
    const mean = errors.reduce((s, e) => s + e, 0) / errors.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
  });
});

describe('candidatePairs (LSH)', () => {
  it(`proposes every pair of identical texts of different groups (${String(BANDS)} bands × ${String(ROWS)} rows)`, () => {
    fc.assert(
      fc.property(fc.array(hanText(20, 60), { minLength: 2, maxLength: 12 }), (texts) => {
        const signed = texts.map((t, id) => ({ id, group: id, signature: minhash(shingleHashes(t)) }));
        const pairs = candidatePairs(signed);
        for (let i = 0; i < texts.length; i++)
          for (let j = i + 1; j < texts.length; j++) if (texts[i] === texts[j]) expect(pairs.get(i) ?? []).toContain(j);
      }),
    );
  });

  it('never proposes a pair within one group, and is symmetric', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hanText(20, 40), fc.nat(3)), { minLength: 2, maxLength: 12 }), (rows) => {
        const signed = rows.map(([t, group], id) => ({ id, group, signature: minhash(shingleHashes(t)) }));
        const pairs = candidatePairs(signed);
        for (const [a, others] of pairs)
          for (const b of others) {
            expect(rows[a]?.[1]).not.toBe(rows[b]?.[1]);
            expect(pairs.get(b)).toContain(a);
          }
      }),
    );
  });

  it('is independent of the order of the texts (ids carry the order)', () => {
    fc.assert(
      fc.property(fc.array(hanText(20, 40), { minLength: 2, maxLength: 10 }), (texts) => {
        const signed = texts.map((t, id) => ({ id, group: id, signature: minhash(shingleHashes(t)) }));
        expect(candidatePairs([...signed].reverse())).toEqual(candidatePairs(signed));
      }),
    );
  });
});

describe('longestSharedPassage', () => {
  it('finds a passage inserted into two unrelated texts, as written in the first', () => {
    expect(longestSharedPassage('今年我们：全面完成了年度重点工作任务。其他', '另外，全面完成了年度重点 工作任务！以及').passage).toBe('全面完成了年度重点工作任务');
  });

  it('is a common substring of the normalised texts, and no longer one exists (checked by brute force)', () => {
    fc.assert(
      fc.property(hanText(0, 30), hanText(0, 30), (a, b) => {
        const { length, passage } = longestSharedPassage(a, b);
        const na = normalizeNarrative(a).chars;
        const nb = normalizeNarrative(b).chars;
        let best = 0;
        for (let i = 0; i < na.length; i++) for (let j = i + 1; j <= na.length; j++) if (nb.includes(na.slice(i, j))) best = Math.max(best, j - i);
        expect(length).toBe(best);
        expect(nb.includes(normalizeNarrative(passage).chars)).toBe(true);
      }),
    );
  });
});
