import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANDS, BUCKET_NEIGHBOURS, ROWS, SIGNATURE_SIZE, candidatePairs, differingFigures, narrativeChars, estimatedSimilarity, jaccard, jaccardPercent, longestSharedPassage, minhash, normalizeNarrative, shingleHashes, SHINGLE } from './similarity.js';

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

// Issue 11, mutation: examples worked by hand and properties of each step's meaning.
describe('normalizeNarrative and narrativeChars: examples', () => {
  it.each<[string, string, number[]]>([
    ['', '', []],
    ['，。！ \u3000', '', []],
    ['ABC abc', 'abcabc', [0, 1, 2, 4, 5, 6]],
    // A ligature is two letters from one character; a circled one is a digit after NFKC; an astral character is
    // two UTF-16 units, and the next character's offset counts both.
    ['ﬁ①𠀀甲', 'fi#𠀀甲', [0, 0, 1, 2, 4]],
    ['共 12，3 人', '共##人', [0, 2, 5, 7]],
    ['１２３元', '#元', [0, 3]],
    ['2.3万', '##万', [0, 2, 3]],
  ])('%j → %j', (text, chars, offsets) => {
    const n = normalizeNarrative(text);
    expect(n.chars).toBe(chars);
    expect(n.offsets).toEqual(offsets);
    expect(narrativeChars(text)).toBe(chars);
  });
});

describe('shingleHashes: examples', () => {
  it.each<[string, number]>([
    ['', 0],
    ['甲', 1],
    ['甲乙丙丁', 1],
    ['甲乙丙丁戊', 1],
    ['甲乙丙丁戊己', 2],
    ['甲乙丙丁戊甲乙丙丁戊', 5], // 甲乙丙丁戊 twice: 6 windows, 5 distinct
    ['aaaaaaaaaa', 1],
    ['𠀀𠀁𠀂𠀃𠀄𠀅', 2], // code points, not UTF-16 units (12 units would give 8)
  ])('%j has %i distinct shingles', (chars, count) => {
    const h = shingleHashes(chars);
    expect(h.length).toBe(count);
    expect([...h]).toEqual([...h].sort((a, b) => a - b));
  });

  it('counts the distinct 5-code-point substrings, astral characters too', () => {
    const astral = fc.array(fc.constantFrom('𠀀', '𠀁', '甲', '乙', '#'), { minLength: 1, maxLength: 40 }).map((c) => c.join(''));
    fc.assert(
      fc.property(astral, (t) => {
        expect(shingleHashes(t).length).toBe(shingleSet(t).size);
      }),
    );
  });

  it('a shingle is five characters: two texts sharing only four in a row share no shingle', () => {
    expect(jaccard(shingleHashes('甲乙丙丁戊己'), shingleHashes('子乙丙丁戊丑'))).toBe(0);
    expect(jaccard(shingleHashes('甲乙丙丁戊己'), shingleHashes('乙丙丁戊己庚'))).toBe(1 / 3);
  });
});

describe('Jaccard: examples on hash lists', () => {
  const u = (...xs: number[]) => Uint32Array.from(xs);
  it.each<[number[], number[], number, number]>([
    [[], [], 1, 100],
    [[1], [], 0, 0],
    [[], [7], 0, 0],
    [[1, 2, 3], [1, 2, 3], 1, 100],
    [[1, 2, 3], [2, 3, 4], 0.5, 50],
    [[1, 2, 3], [1], 1 / 3, 33.33],
    [[1, 5, 9], [2, 5, 8, 9], 0.4, 40],
    [[2, 5, 8, 9], [1, 5, 9], 0.4, 40],
    [[1, 2], [3, 4], 0, 0],
    [[3, 4], [1, 2], 0, 0],
    [[1, 2, 3, 4, 5, 6], [6], 1 / 6, 16.67],
    // 0 is a hash like any other.
    [[], [0], 0, 0],
    [[0], [], 0, 0],
    [[0, 1], [1], 0.5, 50],
  ])('%j and %j: %d (%d %)', (a, b, share, percent) => {
    expect(jaccard(u(...a), u(...b))).toBe(share);
    expect(jaccardPercent(u(...a), u(...b))).toBe(percent);
  });
});

describe('MinHash: its meaning', () => {
  it('the signature of the empty set is the largest value everywhere; each entry is a least value over the set', () => {
    expect([...minhash(new Uint32Array(0))]).toEqual(new Array<number>(SIGNATURE_SIZE).fill(0xffffffff));
    expect(minhash(shingleHashes('甲乙丙丁戊己')).length).toBe(SIGNATURE_SIZE);
  });

  it('the signature of a union is the least of the two signatures, entry by entry', () => {
    fc.assert(
      fc.property(hanText(1, 40), hanText(1, 40), (a, b) => {
        const sa = shingleHashes(a);
        const sb = shingleHashes(b);
        const union = Uint32Array.from(new Set([...sa, ...sb])).sort();
        const ma = minhash(sa);
        const mb = minhash(sb);
        expect([...minhash(union)]).toEqual([...ma].map((x, i) => Math.min(x, mb[i] ?? 0)));
      }),
    );
  });

  it('the hash functions differ: one shingle gets many different values', () => {
    const sig = minhash(Uint32Array.from([12345]));
    expect(new Set(sig).size).toBeGreaterThan(SIGNATURE_SIZE / 2);
  });

  it('estimatedSimilarity is the share of entries that agree', () => {
    const a = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => i);
    const half = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => (i < SIGNATURE_SIZE / 2 ? i : i + 1000));
    const one = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => (i === SIGNATURE_SIZE - 1 ? i : i + 1000));
    expect(estimatedSimilarity(a, a)).toBe(1);
    expect(estimatedSimilarity(a, half)).toBe(0.5);
    expect(estimatedSimilarity(a, one)).toBe(1 / SIGNATURE_SIZE);
    expect(estimatedSimilarity(minhash(shingleHashes('甲乙丙丁戊己')), minhash(new Uint32Array(0)))).toBe(0);
  });
});

describe('candidatePairs: the bands', () => {
  /** A signature of `base` with the rows listed changed. */
  const signature = (base: number, changed: readonly number[] = []) => Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => (changed.includes(i) ? base + 1000 + i : base + i));

  it('proposes two texts that agree on every row of one band, and not two that differ in a row of every band', () => {
    const allButBand0 = Array.from({ length: SIGNATURE_SIZE - ROWS }, (_, i) => i + ROWS);
    const oneRowOfEach = Array.from({ length: BANDS }, (_, band) => band * ROWS + (band % ROWS));
    const pairs = candidatePairs([
      { id: 0, group: 0, signature: signature(1) },
      { id: 1, group: 1, signature: signature(1, allButBand0) },
      { id: 2, group: 2, signature: signature(1, oneRowOfEach) },
    ]);
    expect([...pairs]).toEqual([
      [0, [1]],
      [1, [0]],
    ]);
  });

  it('the last band counts as much as the first', () => {
    const allButLastBand = Array.from({ length: SIGNATURE_SIZE - ROWS }, (_, i) => i);
    expect([...candidatePairs([{ id: 5, group: 0, signature: signature(1) }, { id: 9, group: 1, signature: signature(1, allButLastBand) }])]).toEqual([
      [5, [9]],
      [9, [5]],
    ]);
  });

  it('nothing to propose: no texts, one text, texts of one group, texts that differ everywhere', () => {
    expect(candidatePairs([]).size).toBe(0);
    expect(candidatePairs([{ id: 0, group: 0, signature: signature(1) }]).size).toBe(0);
    expect(candidatePairs([{ id: 0, group: 3, signature: signature(1) }, { id: 1, group: 3, signature: signature(1) }]).size).toBe(0);
    expect(candidatePairs([{ id: 0, group: 0, signature: signature(1) }, { id: 1, group: 1, signature: signature(5000) }]).size).toBe(0);
  });

  it('ids are the caller\'s: listed ascending, with the ids proposed ascending', () => {
    const pairs = candidatePairs([
      { id: 30, group: 0, signature: signature(1) },
      { id: 10, group: 1, signature: signature(1) },
      { id: 20, group: 2, signature: signature(1) },
    ]);
    expect([...pairs]).toEqual([
      [10, [20, 30]],
      [20, [10, 30]],
      [30, [10, 20]],
    ]);
  });

  it(`in a bucket of identical texts each meets the ${String(BUCKET_NEIGHBOURS)} next ones (and so the ${String(BUCKET_NEIGHBOURS)} before it), no more`, () => {
    const n = BUCKET_NEIGHBOURS + 4;
    const pairs = candidatePairs(Array.from({ length: n }, (_, id) => ({ id, group: id, signature: signature(1) })));
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    expect(pairs.get(0)).toEqual(range(1, BUCKET_NEIGHBOURS));
    expect(pairs.get(n - 1)).toEqual(range(n - 1 - BUCKET_NEIGHBOURS, n - 2));
    expect(pairs.get(BUCKET_NEIGHBOURS)).toEqual([...range(0, BUCKET_NEIGHBOURS - 1), ...range(BUCKET_NEIGHBOURS + 1, n - 1)]);
    expect(pairs.size).toBe(n);
  });

  it('texts that agree on a band meet wherever they stand in the input', () => {
    const pairs = candidatePairs([
      { id: 0, group: 0, signature: signature(1) },
      { id: 1, group: 1, signature: signature(500) },
      { id: 2, group: 2, signature: signature(1) },
      { id: 3, group: 3, signature: signature(500) },
      { id: 4, group: 4, signature: signature(9000) },
    ]);
    expect([...pairs]).toEqual([
      [0, [2]],
      [1, [3]],
      [2, [0]],
      [3, [1]],
    ]);
  });

  it('the ids proposed with a text are ascending, whichever band proposed each', () => {
    const band = (b: number) => Array.from({ length: ROWS }, (_, r) => b * ROWS + r);
    const except = (...bands: number[]) => Array.from({ length: SIGNATURE_SIZE }, (_, i) => i).filter((i) => !bands.some((b) => band(b).includes(i)));
    // 5 agrees with 9 on band 0 only and with 7 on band 1 only; 9 and 7 agree on nothing.
    const pairs = candidatePairs([
      { id: 5, group: 0, signature: signature(1) },
      { id: 9, group: 1, signature: signature(1, except(0)) },
      { id: 7, group: 2, signature: Uint32Array.from(signature(1), (x, i) => (band(1).includes(i) ? x : x + 7777)) },
    ]);
    expect([...pairs]).toEqual([
      [5, [7, 9]],
      [7, [5]],
      [9, [5]],
    ]);
  });

  it(`a bucket of more than ${String(BUCKET_NEIGHBOURS + 1)} identical texts gives the same pairs in any input order (neighbours in id order)`, () => {
    const n = BUCKET_NEIGHBOURS + 6;
    const texts = Array.from({ length: n }, (_, id) => ({ id, group: id, signature: signature(1) }));
    const inOrder = candidatePairs(texts);
    fc.assert(
      fc.property(fc.shuffledSubarray(texts, { minLength: n, maxLength: n }), (shuffled) => {
        expect(candidatePairs(shuffled)).toEqual(inOrder);
      }),
      { numRuns: 30 },
    );
  });

  it('a member of the same group in between does not hide the next ones of the bucket', () => {
    const pairs = candidatePairs([
      { id: 0, group: 0, signature: signature(1) },
      { id: 1, group: 0, signature: signature(1) },
      { id: 2, group: 1, signature: signature(1) },
    ]);
    expect([...pairs]).toEqual([
      [0, [2]],
      [1, [2]],
      [2, [0, 1]],
    ]);
  });
});

describe('longestSharedPassage: examples', () => {
  it.each<[string, string, string, number, string]>([
    ['', '甲乙', '', 0, ''],
    ['甲乙', '', '', 0, ''],
    ['甲乙丙', '丁戊己', '', 0, ''],
    ['甲', '甲', '甲', 1, '甲'],
    ['xx甲乙丙yy', 'zz甲乙丙ww', '甲乙丙', 3, '甲乙丙'],
    // As written in the first text: its spacing and punctuation inside the passage are kept.
    ['今年，全面 完成。任务', '全面完成任务', '全面 完成。任务', 6, '全面完成任务'],
    // A run of digits is one character; the passage takes the whole run, whatever the other text's figures.
    ['收入 1234 万元', '收入99万元', '收入 1234 万元', 5, '收入99万元'],
    ['合计共123', '共45', '共123', 2, '共45'],
    // An astral character at the end is taken whole (two UTF-16 units).
    ['甲乙𠀀丁', '乙𠀀', '乙𠀀', 2, '乙𠀀'],
    // Two passages as long: the first in the first text.
    ['ABxCD', 'CDyAB', 'AB', 2, 'AB'],
    ['CDxAB', 'ABy', 'AB', 2, 'AB'],
    // Letters compared in lower case, shown as written.
    ['The Plan', 'theplan', 'The Plan', 7, 'theplan'],
    // A passage that needs the automaton to fall back along suffix links, several times.
    ['ababcabcd', 'abcdab', 'abcd', 4, 'abcd'],
    ['aabaabaaab', 'baaab', 'baaab', 5, 'baaab'],
    ['甲丙乙甲甲丙', '乙乙丙丙甲丙乙丙甲甲乙乙乙乙乙乙丙乙甲甲', '丙乙甲甲', 4, '丙乙甲甲'],
    // A clone whose transitions must be redirected along two suffix links (the last 乙 of the second text): a walk that
    // stopped after one left a path that read 4 characters shared with a text of 2.
    ['乙乙', '甲甲甲乙甲甲乙乙', '乙乙', 2, '乙乙'],
    // The same passage as it stands in the second text: its own figures (issue 15: 100 % similar is not the same text).
    ['支出 338.28 万元，完成全年任务', '支出412.50万元，完成全年任务', '支出 338.28 万元，完成全年任务', 12, '支出412.50万元，完成全年任务'],
  ])('%j and %j share %j', (a, b, passage, length, otherPassage) => {
    expect(longestSharedPassage(a, b)).toEqual({ passage, length, otherPassage });
  });

  it('on texts of two or three letters (many repeats: the automaton clones states), the longest common substring (brute force)', () => {
    const few = fc.oneof(fc.constant(['甲', '乙']), fc.constant(['甲', '乙', '丙'])).chain((letters) => fc.array(fc.constantFrom(...letters), { maxLength: 30 }).map((c) => c.join('')));
    fc.assert(
      fc.property(few, few, (a, b) => {
        let best = 0;
        for (let i = 0; i < a.length; i++) for (let j = i + 1; j <= a.length; j++) if (b.includes(a.slice(i, j))) best = Math.max(best, j - i);
        let first = '';
        for (let i = 0; i + best <= a.length && best > 0; i++) if (b.includes(a.slice(i, i + best))) {
          first = a.slice(i, i + best);
          break;
        }
        expect(longestSharedPassage(a, b)).toEqual({ passage: first, length: best, otherPassage: first });
      }),
      { numRuns: 1000 },
    );
  });

  it('the passage stands in the first text as written, and is as long as said', () => {
    const text = fc.array(fc.constantFrom('甲', '乙', '丙', ' ', '，', '1', '2', 'A', 'a', '𠀀'), { maxLength: 30 }).map((c) => c.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const { passage, length, otherPassage } = longestSharedPassage(a, b);
        expect(a.includes(passage)).toBe(true);
        expect(Array.from(normalizeNarrative(passage).chars).length).toBe(length);
        expect(normalizeNarrative(b).chars.includes(normalizeNarrative(passage).chars)).toBe(true);
        // The other side stands in b as written and reads as the same passage once figures are set aside.
        expect(b.includes(otherPassage)).toBe(true);
        expect(normalizeNarrative(otherPassage).chars).toBe(normalizeNarrative(passage).chars);
      }),
    );
  });
});

// Issue 15: two narratives that differ only in their figures are 100 % similar to the shingles (a run of digits is
// one character); the figures that differ are listed apart so that no reader is told the two texts are the same.
describe('differingFigures', () => {
  it.each<[string, string, [string, string][]]>([
    ['支出 338.28 万元', '支出412.50万元', [['338.28', '412.50']]],
    ['办理案件287件，挽回损失约395万元，成功率97%', '办理案件312件，挽回损失约395万元，成功率98%', [['287', '312'], ['97', '98']]],
    ['覆盖1.9万人次', '覆盖2.3万人次', [['1.9', '2.3']]],
    ['全角２８７件', '全角287件', []],
    ['没有数字', '没有数字', []],
    // Split differently into figures (1.9 beside 1 9): paired run by run.
    ['共1.9', '共1 9', []],
    ['共1.9', '共2 9', [['1', '2']]],
  ])('%j beside %j', (mine, theirs, pairs) => {
    expect(differingFigures(mine, theirs).map((d) => [d.mine, d.theirs])).toEqual(pairs);
  });

  it('of two texts alike but for their figures: every figure changed is listed, in order, and no other', () => {
    const words = fc.array(fc.constantFrom('办理', '案件', '万元', '人次', '，完成', '。'), { minLength: 1, maxLength: 4 }).map((w) => w.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(words, fc.nat(9999), fc.nat(9999)), { minLength: 1, maxLength: 8 }), (parts) => {
        const mine = `共${parts.map(([w, x]) => `${w}${String(x)}`).join('')}`;
        const theirs = `共${parts.map(([w, , y]) => `${w}${String(y)}`).join('')}`;
        const expected = parts.filter(([, x, y]) => x !== y).map(([, x, y]) => ({ mine: String(x), theirs: String(y) }));
        expect(differingFigures(mine, theirs)).toEqual(expected);
        // The shared passage of the two is all of each, as written: the similarity does not see the figures.
        const shared = longestSharedPassage(mine, theirs);
        expect([shared.passage, shared.otherPassage]).toEqual([mine, theirs]);
      }),
    );
  });
});
