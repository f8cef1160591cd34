import { percentOf } from '../indicators/ratio.js';

/**
 * Narrative similarity for the batch checks, without comparing every pair of forms: texts are cut into
 * overlapping character shingles; a MinHash signature of each text's shingle set estimates the Jaccard
 * similarity of two sets; locality-sensitive hashing over bands of the signatures proposes the pairs worth
 * comparing; the pairs proposed are then measured exactly (Jaccard of the two shingle sets) and their longest
 * shared passage found. Everything is deterministic: fixed hash seeds, ties broken by index.
 *
 * Written here rather than taken from npm: the MinHash packages there (`minhash` 0.0.9, `minhashjs`) draw their
 * permutations from `Math.random` and keep their LSH index as objects of string keys, neither deterministic nor
 * small at 20,000 forms; the whole method is the few functions below, each stated by a property test.
 */

/** Characters per shingle (CJK text: about two words). */
export const SHINGLE = 5;
/** Hash functions per signature. */
export const SIGNATURE_SIZE = 64;
/** LSH bands (× rows = {@link SIGNATURE_SIZE}): a pair at Jaccard s is proposed with probability 1 − (1 − s^rows)^bands. */
export const BANDS = 16;
export const ROWS = SIGNATURE_SIZE / BANDS;
/** Texts shorter than this (normalised characters) are not compared: a short answer (无, 同意) is the same everywhere. */
export const MIN_NARRATIVE_CHARS = 50;
/**
 * Members of one LSH bucket each compared with at most this many others of the bucket (the next ones in index
 * order): identical boilerplate in thousands of forms would otherwise make one bucket quadratic. A text whose
 * best match sits in such a bucket still meets it, as every member of the bucket carries the same band.
 */
export const BUCKET_NEIGHBOURS = 16;

/** A text as compared: normalised characters, and for each the offset of the character it came from. */
export interface NormalizedText {
  readonly chars: string;
  readonly offsets: readonly number[];
}

const KEEP = /[\p{L}\p{N}]/u;
const DIGIT = /\p{Nd}/u;

/**
 * What similarity looks at: letters and digits only (spaces, punctuation and symbols dropped, NFKC per character),
 * each run of digits one `#` (a copied paragraph with other figures is still the same paragraph), Latin letters
 * lower-case.
 */
export function normalizeNarrative(text: string): NormalizedText {
  let chars = '';
  const offsets: number[] = [];
  let inDigits = false;
  let offset = 0;
  for (const ch of text) {
    const at = offset;
    offset += ch.length;
    for (const c of ch.normalize('NFKC')) {
      if (DIGIT.test(c)) {
        if (!inDigits) {
          chars += '#';
          offsets.push(at);
        }
        inDigits = true;
        continue;
      }
      inDigits = false;
      if (!KEEP.test(c)) continue;
      chars += c.toLowerCase();
      offsets.push(at);
    }
  }
  return { chars, offsets };
}

/** A run of digits (one `#`) or of characters dropped (spaces, punctuation, symbols). */
const RUNS = /\p{Nd}+|[^\p{L}\p{N}]+/gu;

/**
 * {@link normalizeNarrative}'s characters without the offsets, in one pass over the whole text (the record of
 * every form of a batch is made with it; the offsets are needed only for a passage shown). The same characters for
 * text whose NFKC form is the NFKC of its characters one by one (all CJK, Latin and digits; a property test holds
 * the two together).
 */
export function narrativeChars(text: string): string {
  return text
    .normalize('NFKC')
    .replace(RUNS, (run) => (DIGIT.test(run) ? '#' : ''))
    .toLowerCase();
}

/** 32-bit FNV-1a of `s.slice(start, end)` (UTF-16 units). */
function fnv1a(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: a bijection that spreads every input bit. */
function mix(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The hash functions' seeds: a fixed splitmix32 sequence, so every run and every thread hashes alike. */
const SEEDS = (() => {
  const out = new Uint32Array(SIGNATURE_SIZE);
  let state = 0x9e3779b9;
  for (let i = 0; i < out.length; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    out[i] = mix(state);
  }
  return out;
})();

/** The distinct shingles of a normalised text, as 32-bit hashes (sorted, no repeats). */
export function shingleHashes(chars: string): Uint32Array {
  // Shingles are over code points; a text shorter than one shingle is one shingle of itself.
  const points = Array.from(chars);
  if (points.length === 0) return new Uint32Array(0);
  const starts: number[] = [];
  let at = 0;
  for (const p of points) {
    starts.push(at);
    at += p.length;
  }
  starts.push(at);
  const count = Math.max(1, points.length - SHINGLE + 1);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) hashes[i] = fnv1a(chars, starts[i] ?? 0, starts[Math.min(i + SHINGLE, points.length)] ?? at);
  hashes.sort();
  let n = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[n++] = hashes[i] ?? 0;
  return hashes.slice(0, n);
}

/** The MinHash signature of a shingle set: for each seeded hash function, its least value over the set. */
export function minhash(shingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const s of shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix(s ^ (SEEDS[i] ?? 0));
      if (h < (signature[i] ?? 0)) signature[i] = h;
    }
  }
  return signature;
}

/** The share of hash functions on which two signatures agree: an unbiased estimate of their sets' Jaccard similarity. */
export function estimatedSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/** |A ∩ B| of two sorted, repeat-free hash lists. */
function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return both;
}

/** |A ∩ B| / |A ∪ B| of two sorted, repeat-free hash lists (1 for two empty sets). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  const both = intersectionSize(a, b);
  return both / (a.length + b.length - both);
}

/** {@link jaccard} in percent, exact to 2 decimals (computed from the counts). */
export function jaccardPercent(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 100;
  const both = intersectionSize(a, b);
  return percentOf(both, a.length + b.length - both) ?? 0;
}

/** A document the batch compares: who it belongs to (an index the caller knows) and its signature. */
export interface SignedText {
  /** The caller's index of this text (form × field). */
  readonly id: number;
  /** The group it belongs to (the unit): pairs within one group are not proposed. */
  readonly group: number;
  readonly signature: Uint32Array;
}

/**
 * Candidate pairs by LSH banding: texts that agree on all rows of at least one band, from different groups.
 * Each text is paired with at most {@link BUCKET_NEIGHBOURS} following members of each bucket, so the work is
 * O(texts × bands) however large a bucket grows. Returns, for each text id, the ids proposed with it (both
 * directions, each once, ascending).
 */
export function candidatePairs(texts: readonly SignedText[]): Map<number, number[]> {
  const n = texts.length;
  const out = new Map<number, Set<number>>();
  const keys = new Uint32Array(n);
  const order = new Uint32Array(n);
  for (let band = 0; band < BANDS; band++) {
    for (let t = 0; t < n; t++) {
      const sig = texts[t]?.signature;
      let h = band;
      for (let r = 0; r < ROWS; r++) h = mix(h ^ (sig?.[band * ROWS + r] ?? 0));
      keys[t] = h;
      order[t] = t;
    }
    // Sort text positions by band key, then by id: equal keys form runs (buckets), in id order.
    order.sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || (texts[a]?.id ?? 0) - (texts[b]?.id ?? 0));
    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && keys[order[end] ?? 0] === keys[order[start] ?? 0]) end++;
      for (let i = start; i < end; i++) {
        const a = texts[order[i] ?? 0];
        if (a === undefined) continue;
        for (let j = i + 1; j < Math.min(end, i + 1 + BUCKET_NEIGHBOURS); j++) {
          const b = texts[order[j] ?? 0];
          if (b === undefined || a.group === b.group) continue;
          let sa = out.get(a.id);
          if (sa === undefined) out.set(a.id, (sa = new Set()));
          sa.add(b.id);
          let sb = out.get(b.id);
          if (sb === undefined) out.set(b.id, (sb = new Set()));
          sb.add(a.id);
        }
      }
      start = end;
    }
  }
  const sorted = new Map<number, number[]>();
  for (const [id, set] of [...out].sort(([a], [b]) => a - b)) sorted.set(id, [...set].sort((x, y) => x - y));
  return sorted;
}

/**
 * The longest passage two texts share, compared as normalised (so spacing and punctuation do not cut it), shown
 * as it stands in `a`: the longest common substring of the normalised texts (a suffix automaton of `b`, one pass
 * over `a`; the first such passage of `a` when several are as long). `length` counts normalised characters;
 * `otherPassage` is the same passage as it stands in `b` (its figures may differ: a run of digits is one character).
 */
export function longestSharedPassage(a: string, b: string): { readonly passage: string; readonly length: number; readonly otherPassage: string } {
  const na = normalizeNarrative(a);
  const nb = normalizeNarrative(b);
  const pa = Array.from(na.chars);
  const pb = Array.from(nb.chars);
  if (pa.length === 0 || pb.length === 0) return { passage: '', length: 0, otherPassage: '' };
  // Suffix automaton of b: states with their longest length, suffix link and transitions.
  const len: number[] = [0];
  const link: number[] = [-1];
  const next: Map<string, number>[] = [new Map<string, number>()];
  let last = 0;
  for (const c of pb) {
    const cur = len.length;
    len.push((len[last] ?? 0) + 1);
    link.push(0);
    next.push(new Map<string, number>());
    let p = last;
    while (p !== -1 && !next[p]?.has(c)) {
      next[p]?.set(c, cur);
      p = link[p] ?? -1;
    }
    if (p !== -1) {
      const q = next[p]?.get(c) ?? 0;
      if ((len[p] ?? 0) + 1 === len[q]) link[cur] = q;
      else {
        const clone = len.length;
        len.push((len[p] ?? 0) + 1);
        link.push(link[q] ?? 0);
        next.push(new Map<string, number>(next[q]));
        while (p !== -1 && next[p]?.get(c) === q) {
          next[p]?.set(c, clone);
          p = link[p] ?? -1;
        }
        link[q] = clone;
        link[cur] = clone;
      }
    }
    last = cur;
  }
  let state = 0;
  let matched = 0;
  let best = 0;
  let bestEnd = 0;
  for (let i = 0; i < pa.length; i++) {
    const c = pa[i] ?? '';
    while (state !== 0 && !next[state]?.has(c)) {
      state = link[state] ?? 0;
      matched = len[state] ?? 0;
    }
    const to = next[state]?.get(c);
    if (to === undefined) {
      state = 0;
      matched = 0;
      continue;
    }
    state = to;
    matched++;
    if (matched > best) {
      best = matched;
      bestEnd = i + 1;
    }
  }
  if (best === 0) return { passage: '', length: 0, otherPassage: '' };
  // The same passage in `b`: where its normalised characters first stand there.
  const shared = pa.slice(bestEnd - best, bestEnd).join('');
  const inB = Array.from(nb.chars.slice(0, Math.max(0, nb.chars.indexOf(shared)))).length;
  return { passage: asWritten(a, na, bestEnd - best, best), length: best, otherPassage: asWritten(b, nb, inB, best) };
}

/** Normalised characters `from` … `from + count` of `text`, back as written: from the first one's character to the end of the last one's. */
function asWritten(text: string, normalized: NormalizedText, from: number, count: number): string {
  const start = normalized.offsets[from] ?? 0;
  const lastOffset = normalized.offsets[from + count - 1] ?? start;
  let end = lastOffset + ((text.codePointAt(lastOffset) ?? 0) > 0xffff ? 2 : 1);
  // A run of digits is one normalised character: take the whole run.
  while (end < text.length && DIGIT.test(text[end] ?? '') && DIGIT.test(text[end - 1] ?? '')) end++;
  return text.slice(start, end);
}

/** A figure as a reader reads it: digits with their decimal point or thousands separators (`1.9`, `2,674,700`). */
const FIGURE = /\p{Nd}+(?:[.,．]\p{Nd}+)*/gu;

/**
 * The figures two passages hold that are not the same, in order (`287`, `312`): what the similarity leaves out, as
 * every run of digits is one character to it. The passages are the two sides of a shared passage
 * ({@link longestSharedPassage}), so their runs of digits pair one to one; figures are compared as NFKC (a
 * full-width `２８７` is 287). When the two sides split their digits into figures differently (`1.9` beside `19`)
 * the runs of digits are paired instead.
 */
export function differingFigures(mine: string, theirs: string): { readonly mine: string; readonly theirs: string }[] {
  let a = mine.match(FIGURE) ?? [];
  let b = theirs.match(FIGURE) ?? [];
  if (a.length !== b.length) {
    a = mine.match(/\p{Nd}+/gu) ?? [];
    b = theirs.match(/\p{Nd}+/gu) ?? [];
  }
  const out: { mine: string; theirs: string }[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x.normalize('NFKC') !== y.normalize('NFKC')) out.push({ mine: x, theirs: y });
  }
  return out;
}
