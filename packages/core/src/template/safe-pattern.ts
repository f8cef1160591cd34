/**
 * Template patterns (detection signals, prose) come from template files others write, and run on every document
 * read, so they must not backtrack catastrophically. Rather than guess, a pattern must stay inside a subset whose
 * cost is bounded by construction:
 * - no quantifier over a group that itself holds a quantifier or an alternation (star height 1: the cause of
 *   exponential backtracking, as in `(a+)+` or `(a|a)*`);
 * - unbounded quantifiers (`*`, `+`, `{n,}`) only on single characters or classes, no two of them on characters
 *   of a common kind (digits, white space, Latin letters, CJK, other): `\s*(\d+)\s*[人名]` is fine, `\d+\.?\d*`
 *   or `.*=.*` are not (two repeats competing for the same characters backtrack polynomially), and none on `.`
 *   or a negated class; bounded repeats of at most 60, those above 3 counted as repeats too, over a group as over
 *   a character (a group's kinds are those of everything in it): `\d+(\d){0,60}(\d){0,60}x` is refused like
 *   `\d+\d{0,60}\d{0,60}x` (it took 6.9 s on a line of 1,000 digits);
 * - no back-references and no lookbehind.
 * Template patterns also run on lines of at most {@link PATTERN_INPUT_LIMIT} characters.
 */

/** The longest text a template pattern is run on (longer lines are cut for pattern matching). */
export const PATTERN_INPUT_LIMIT = 1_000;
const MAX_BOUND = 60;

interface Group {
  quantified: boolean;
  alternation: boolean;
  /** The kinds of every character the group's atoms can match (bits, see {@link DIGIT}). */
  kinds: number;
}

/** Why `source` is outside the safe subset, or undefined when it is inside. */
export function patternSafetyIssue(source: string): string | undefined {
  const stack: Group[] = [{ quantified: false, alternation: false, kinds: 0 }];
  /** Character kinds (bit mask) of each unbounded quantifier's atom so far. */
  let unboundedKinds = 0;
  let lastAtomKinds = 0;
  /** The last atom had no quantifier (yet): once the next token starts, it is a mandatory character. */
  let pending = false;
  /** A mandatory character no running repeat can take separates them: repeats before and after do not compete. */
  const settle = (): void => {
    if (pending && (unboundedKinds & lastAtomKinds) === 0) unboundedKinds = 0;
    pending = false;
  };
  let i = 0;
  /** Was the last atom a group (its index in `closed`), so a quantifier after it quantifies that group? */
  let lastGroup: Group | undefined;
  /** The atom just read can match characters of `kinds`: so can the groups it is in. */
  const atom = (kinds: number): void => {
    lastAtomKinds = kinds;
    const top = stack[stack.length - 1];
    if (top !== undefined) top.kinds |= kinds;
  };
  while (i < source.length) {
    const ch = source[i] ?? '';
    const isQuantifier = /^(?:[*+?]|\{\d+(?:,\d*)?\})/.test(source.slice(i));
    if (!isQuantifier) settle();
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'back-references are not allowed / 不允许反向引用';
      atom(escapeKinds(next));
      pending = !/[bB]/.test(next);
      i += 2;
      lastGroup = undefined;
      continue;
    }
    if (ch === '[') {
      // A character class: its kinds, then on past its closing bracket (escapes inside are skipped too).
      i++;
      const negated = source[i] === '^';
      if (negated) i++;
      const start = i - 1;
      if (source[i] === ']') i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
      const kinds = classKinds(source.slice(start + 1, i - 1));
      // A negated class of whole kinds (`[^0-9]`, `[^\\s]`) matches the other kinds; any other negated class, anything.
      atom(negated ? (kinds === DIGIT || kinds === SPACE ? ANY & ~kinds : ANY) : kinds);
      pending = true;
      lastGroup = undefined;
      continue;
    }
    if (ch === '(') {
      if (source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) return 'lookbehind is not allowed / 不允许后行断言';
      stack.push({ quantified: false, alternation: false, kinds: 0 });
      if (source.startsWith('(?<', i)) i = source.indexOf('>', i) + 1 || source.length; // a named group
      else i += source.startsWith('(?', i) ? 3 : 1; // (?: (?= (?! or a plain group
      lastGroup = undefined;
      continue;
    }
    if (ch === ')') {
      const closed = stack.pop();
      if (closed === undefined || stack.length === 0) return 'unbalanced parentheses / 括号不配对';
      const parent = stack[stack.length - 1];
      if (parent !== undefined && (closed.quantified || closed.alternation)) parent.quantified ||= closed.quantified;
      if (parent !== undefined) parent.kinds |= closed.kinds;
      // A quantifier after the group repeats all of it: it competes for every kind of character the group can match.
      lastAtomKinds = closed.kinds;
      lastGroup = closed;
      i++;
      continue;
    }
    if (ch === '|') {
      const top = stack[stack.length - 1];
      if (top !== undefined) top.alternation = true;
      i++;
      lastGroup = undefined;
      continue;
    }
    const quantifier = /^(?:[*+?]|\{(\d+)(,(\d*))?\})\??/.exec(source.slice(i));
    if (quantifier !== null) {
      const [q, , comma, max] = quantifier;
      const isUnbounded = q.startsWith('*') || q.startsWith('+') || (comma !== undefined && (max ?? '') === '');
      pending = false;
      // Short bounded repeats (`\\d{0,2}`, `[人名]{1,3}`) add a small factor at most; longer ones count as repeats.
      const repeats = isUnbounded || (max !== undefined && max !== '' ? Number(max) : Number(quantifier[1] ?? 1)) > 3;
      if (isUnbounded && lastGroup !== undefined) return 'an unbounded quantifier over a group / 对分组使用不受限的量词';
      if (isUnbounded && lastAtomKinds === ANY) return 'an unbounded quantifier on any character (., a negated class, \\S, \\W …) / 对任意字符使用不受限的量词';
      if (repeats) {
        const before = unboundedKinds;
        if ((before & lastAtomKinds) !== 0) return 'two repeats on characters of a common kind with nothing between that only one can take (they compete and backtrack) / 两个重复可匹配同类字符';
        // A repeat that must match at least once (`+`, `{1,}`) separates the repeats before it from those after.
        const atLeastOnce = q.startsWith('+') || Number(quantifier[1] ?? 0) >= 1;
        unboundedKinds = atLeastOnce ? lastAtomKinds : before | lastAtomKinds;
      }
      if (max !== undefined && max !== '' && Number(max) > MAX_BOUND) return `a repeat bound above ${String(MAX_BOUND)} / 重复次数上限超过 ${String(MAX_BOUND)}`;
      if (comma === undefined && quantifier[1] !== undefined && Number(quantifier[1]) > MAX_BOUND) return `a repeat bound above ${String(MAX_BOUND)} / 重复次数上限超过 ${String(MAX_BOUND)}`;
      if (lastGroup !== undefined && (lastGroup.quantified || lastGroup.alternation) && !q.startsWith('?')) {
        return 'a quantifier over a group that holds a quantifier or alternatives (can backtrack catastrophically) / 对含量词或分支的分组再加量词（可能灾难性回溯）';
      }
      const top = stack[stack.length - 1];
      if (top !== undefined && !q.startsWith('?')) top.quantified = true;
      i += q.length;
      lastGroup = undefined;
      continue;
    }
    atom(ch === '.' ? ANY : charKinds(ch));
    pending = ch !== '^' && ch !== '$';
    i++;
    lastGroup = undefined;
  }
  return stack.length === 1 ? undefined : 'unbalanced parentheses / 括号不配对';
}

/** Kinds of characters, as bits: digits, white space, Latin letters, CJK, anything else. */
const DIGIT = 1;
const SPACE = 2;
const LATIN = 4;
const CJK = 8;
const OTHER = 16;
const ANY = DIGIT | SPACE | LATIN | CJK | OTHER;

function charKinds(ch: string): number {
  if (/\d/.test(ch) || /[０-９]/.test(ch)) return DIGIT;
  if (/\s/.test(ch)) return SPACE;
  if (/[A-Za-z_]/.test(ch)) return LATIN;
  if (/[\u3400-\u9fff\uf900-\ufaff]/.test(ch)) return CJK;
  return OTHER;
}

function escapeKinds(e: string): number {
  if (e === 'd') return DIGIT;
  if (e === 's') return SPACE;
  if (e === 'w') return DIGIT | LATIN;
  if (e === 'D' || e === 'S' || e === 'W' || e === 'p' || e === 'P' || e === 'u' || e === 'x') return ANY;
  return OTHER;
}

/** The kinds a character class's members (`\d,`, `0-9a-z`, `人名`) can match. */
function classKinds(body: string): number {
  let kinds = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    if (ch === '\\') {
      kinds |= escapeKinds(body[i + 1] ?? '');
      i++;
    } else if (body[i + 1] === '-' && i + 2 < body.length) {
      // A range: the kinds of its ends (a range across kinds counts as any).
      const a = charKinds(ch);
      const b = charKinds(body[i + 2] ?? '');
      kinds |= a === b ? a : ANY;
      i += 2;
    } else kinds |= charKinds(ch);
  }
  return kinds;
}
