import { PATTERN_INPUT_LIMIT, type SourcePosition, type Template, type TemplateProse } from '@jixiao/core';
import { labelPattern } from '../form/labels.js';
import { fieldLabel, fieldLabelEn, type FormReader } from '../form/read-form.js';
import type { DocumentIndex } from './read-document.js';

/**
 * Prose patterns: figures stated in running text (`编制人数为25人`, `收入合计1,234.56万元。`, `自评得分92分`). Each
 * rule reads the first place it matches, only for a field no table or labelled cell gave; what it reads is
 * marked `prose` (lower confidence than a table cell) and noted.
 */

const VALUE: Readonly<Record<string, string>> = {
  count: '[0-9０-９]{1,8}',
  money: '[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?',
  score: '[0-9０-９]{1,3}(?:[.．][0-9０-９]{1,2})?',
  year: '[0-9０-９]{4}',
  grade: '[优良中差]',
  date: '[0-9０-９]{4}\\s*[年\\-./]\\s*[0-9０-９]{1,2}\\s*[月\\-./]\\s*[0-9０-９]{1,2}\\s*日?',
  text: '[^，,。；;\\n]{1,200}',
};

interface CompiledProse {
  readonly rule: TemplateProse;
  readonly re: RegExp;
  /** The rule's `notWith` words, as one pattern (undefined without them). */
  readonly notWith: RegExp | undefined;
  /** A label rule's own labels, anchored at the start (to find where its label ends in a match). */
  readonly own: RegExp | undefined;
  /** The other label rules' labels (fields other than this one's): one of them between a label and its figure claims the figure. */
  readonly others: RegExp | undefined;
  /** A category word, one of the rule's labels and a figure (`行政编制39`), as one global pattern (undefined without `categories`). */
  readonly categorised: RegExp | undefined;
}

/**
 * The rest of a clause after a figure, up to its end (，,。；; or the line's end), and the breakdown that may follow
 * it (`。其中，…`, `，其中…`): what the figure counts. A clause after a comma that is no breakdown states a figure
 * of its own (`实有编制数63人，年末在职人数57人、离退休人数94人`: the retirees are not among the 63).
 */
const CLAUSE_REST = /^[^，,。；;]*(?:[，,。；;]\s*其中[^。；;]*)?/;

const COMPILED = new WeakMap<Template, readonly CompiledProse[]>();

/**
 * A rule's regex: its own pattern, or label, then at most `window` characters that end no sentence and hold no
 * digit (so the first figure after the label is the one read) — a line break among them, since a PDF or a page
 * wraps `自评得分` / `90 分` —, the value, then one of `after` when given.
 * Built from literals and bounded repeats, it cannot backtrack catastrophically.
 */
function compile(rule: TemplateProse): RegExp {
  if (rule.pattern !== undefined) return new RegExp(rule.pattern, 'gu');
  const labels = (rule.labels ?? []).map(labelPattern).join('|');
  const gap = rule.type === 'grade' ? `[^。；;优良中差]{0,${String(rule.window)}}?` : `[^。；;0-9０-９]{0,${String(rule.window)}}`;
  const after = rule.after === undefined ? '' : `\\s*(?:${rule.after.map(labelPattern).join('|')})`;
  return new RegExp(`(?:${labels})${gap}(${VALUE[rule.type] ?? VALUE.text ?? ''})${after}`, 'gu');
}

function compiled(t: Template): readonly CompiledProse[] {
  let c = COMPILED.get(t);
  if (c === undefined) {
    const labelled = t.prose.filter((r) => r.labels !== undefined);
    const anyOf = (labels: readonly string[]): RegExp | undefined => (labels.length === 0 ? undefined : new RegExp(labels.map(labelPattern).join('|'), 'u'));
    c = t.prose.map((rule) => ({
      rule,
      re: compile(rule),
      notWith: rule.notWith === undefined ? undefined : anyOf(rule.notWith),
      own: rule.labels === undefined ? undefined : new RegExp(`^(?:${rule.labels.map(labelPattern).join('|')})`, 'u'),
      others: rule.labels === undefined ? undefined : anyOf(labelled.filter((r) => r.path !== rule.path).flatMap((r) => r.labels ?? [])),
      categorised: rule.categories === undefined || rule.labels === undefined ? undefined : categorisedPattern(rule, rule.categories, rule.labels),
    }));
    COMPILED.set(t, c);
  }
  return c;
}

/**
 * A category word (captured), one of the labels, the text before the figure (captured), then the first figure after
 * them (captured), as {@link compile} reads a figure, and whether one of the rule's `after` words follows (captured,
 * possibly empty).
 */
function categorisedPattern(rule: TemplateProse, categories: readonly string[], labels: readonly string[]): RegExp {
  const any = (ls: readonly string[]): string => ls.map(labelPattern).join('|');
  const after = rule.after === undefined ? '' : `(\\s*(?:${any(rule.after)}))?`;
  return new RegExp(`(${any(categories)})(?:${any(labels)})([^。；;0-9０-９]{0,${String(rule.window)}})(${VALUE[rule.type] ?? VALUE.text ?? ''})${after}`, 'gu');
}

/** What may stand between a category's label and its figure for the figure to be that category's count (`事业编制为5名`, `行政编制：39名`). */
const PLAIN_GAP = /^[\s:：为是共有计]*$/u;

/** The end of a sentence (or of a line). */
const SENTENCE_END = /[。；;\n]/u;

/** Words that make what follows a part of the figure before (`核定编制44名，其中行政编制39名`, `含…`). */
const BREAKDOWN = /其中|含/u;

/** Categorised figures of one sentence (see `otherCategory` in {@link readProse}); `total` when they add up to the whole. */
interface CategoryParts {
  readonly mine: string;
  readonly other: string;
  readonly parts: readonly { readonly text: string; readonly from: number }[];
  readonly total: number | undefined;
}

/** How many brackets are open at the end of `s` (half- and full-width). */
function bracketDepth(s: string): number {
  let depth = 0;
  for (const c of s) {
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
  }
  return depth;
}

/** `s` without what stands inside brackets (an aside such as `(含县委国安办编制)` belongs to the figure before it). */
function withoutBrackets(s: string): string {
  let depth = 0;
  let out = '';
  for (const c of s) {
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

export function readProse(reader: FormReader, index: DocumentIndex, template: Template): void {
  const rules = compiled(template);
  for (const { rule, re, notWith, own, others, categorised } of rules) {
    if (reader.seen.has(rule.path)) continue;
    // Categories side by side with no total (see `otherCategory`): their sum, read only where no figure of the field's
    // own follows (`…，共计编制44名` or a total in a later sentence wins).
    let sum: { readonly parts: CategoryParts; readonly total: number; readonly pos: SourcePosition } | undefined;
    for (let i = 0; i < index.lines.length; i++) {
      const line = index.lines[i];
      if (line === undefined) continue;
      re.lastIndex = 0;
      // A label rule reads on into the next line (its figure may be wrapped onto it), a match starting in this one;
      // a template's own pattern runs on at most PATTERN_INPUT_LIMIT characters of a line (see patternSafetyIssue).
      const next = rule.pattern === undefined ? index.lines[i + 1] : undefined;
      const text = rule.pattern !== undefined ? line.text.slice(0, PATTERN_INPUT_LIMIT) : next === undefined ? line.text : `${line.text}\n${next.text}`;
      const inLine = (found: RegExpExecArray | null): RegExpExecArray | null => (found !== null && found.index < line.text.length ? found : null);
      let m = inLine(re.exec(text));
      // The position of an offset in `text` (this line, then the next after a line break), with the excerpt shown for it.
      const at = (textOffset: number, shown: string): SourcePosition => {
        let offset = textOffset;
        let [l, n] = [line, i + 1];
        if (next !== undefined && offset > line.text.length) [l, n, offset] = [next, i + 2, offset - line.text.length - 1];
        const excerpt = shown.replace(/\s*\n\s*/g, ' ');
        return l.origin.line !== undefined ? { line: l.origin.line, column: (l.origin.column ?? 1) + offset, excerpt } : { line: n, column: offset + 1, excerpt };
      };
      const where = (found: RegExpExecArray, value: string): SourcePosition => at(found.index + found[0].indexOf(value), found[0]);
      // Another field's label between this label and the figure (`实有编制数 63 人` for 实有): the figure is that
      // field's, and this rule looks further on (`在职人数 57 人`).
      const claimed = (found: RegExpExecArray): boolean => {
        if (others === undefined || own === undefined || found[1] === undefined) return false;
        const before = found[0].slice(0, found[0].lastIndexOf(found[1]));
        return others.test(before.slice(own.exec(before)?.[0].length ?? 0));
      };
      // A figure whose clause (or the breakdown after it) goes on with a `notWith` word counts something else: noted, and the next one looked for.
      const countsOther = (found: RegExpExecArray): string | undefined => {
        if (notWith === undefined || found[1] === undefined) return undefined;
        return notWith.exec(CLAUSE_REST.exec(text.slice(found.index + found[0].length))?.[0] ?? '')?.[0];
      };
      // A figure for one category (`行政编制39名`) where the sentence gives another category one (`事业编制5名`): the
      // sentence states the figure by category with no total, so none of them alone is the field's. Side by side (no
      // 其中/含 between them, none inside brackets), each category once, the categories make the whole: a count is
      // read as their sum (`total`); a category inside brackets or after 其中/含 is a part of another figure, and
      // then nothing is read.
      const otherCategory = (found: RegExpExecArray): CategoryParts | undefined => {
        if (categorised === undefined || found[1] === undefined) return undefined;
        const valueAt = found.index + found[0].lastIndexOf(found[1]);
        let start = valueAt;
        while (start > 0 && !SENTENCE_END.test(text.charAt(start - 1))) start--;
        const end = text.slice(valueAt).search(SENTENCE_END);
        const sentence = text.slice(start, end < 0 ? text.length : valueAt + end);
        const parts = [...sentence.matchAll(categorised)].map((c) => ({
          category: c[1] ?? '',
          at: start + c.index + c[0].length - (c[4] ?? '').length - (c[3] ?? '').length,
          from: start + c.index,
          value: c[3] ?? '',
          text: c[0].slice(0, c[0].length - (c[4] ?? '').length),
          // A count of its own: nothing but `为`/`：` before the figure, and the rule's unit after it where the rule names one.
          plain: PLAIN_GAP.test(c[2] ?? '') && (rule.after === undefined || (c[4] ?? '') !== ''),
          nested: bracketDepth(sentence.slice(0, c.index)) > 0,
        }));
        const mine = parts.find((p) => p.at === valueAt);
        const other = mine === undefined ? undefined : parts.find((p) => p.category !== mine.category);
        if (mine === undefined || other === undefined) return undefined;
        const first = parts[0];
        const last = parts.at(-1);
        const between = first === undefined || last === undefined ? '' : text.slice(first.from, last.from);
        const sideBySide =
          rule.type === 'count' &&
          parts.every((p) => p.plain && !p.nested) &&
          new Set(parts.map((p) => p.category)).size === parts.length &&
          !BREAKDOWN.test(withoutBrackets(between));
        const total = sideBySide ? parts.reduce((sum, p) => sum + Number(p.value.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))), 0) : undefined;
        return { mine: mine.text, other: other.text, parts: parts.map((p) => ({ text: p.text, from: p.from })), total };
      };
      for (; m !== null; m = inLine(re.exec(text))) {
        if (claimed(m)) {
          re.lastIndex = m.index + 1;
          continue;
        }
        const other = countsOther(m);
        const category = other === undefined ? otherCategory(m) : undefined;
        if (other === undefined && category === undefined) break;
        if (category?.total !== undefined) {
          const [first, last] = [category.parts[0], category.parts.at(-1)];
          sum ??= { parts: category, total: category.total, pos: at(first?.from ?? 0, text.slice(first?.from ?? 0, (last?.from ?? 0) + (last?.text.length ?? 0))) };
          continue;
        }
        const skipped = where(m, m[1] ?? '');
        const shown = skipped.excerpt?.trim() ?? '';
        reader.diag(
          'prose-figure-not-read',
          'info',
          other !== undefined
            ? `“${shown}”不作为“${fieldLabel(rule.path)}”读取：同一句中有“${other}”，这个数另有所指`
            : `“${category?.mine ?? ''}”不作为“${fieldLabel(rule.path)}”读取：同一句中另有“${category?.other ?? ''}”，各数只是分类数，句中没有合计`,
          other !== undefined
            ? `"${shown}" is not read as "${fieldLabelEn(rule.path)}": the sentence goes on with "${other}", so the figure counts something else`
            : `"${category?.mine ?? ''}" is not read as "${fieldLabelEn(rule.path)}": the same sentence also gives "${category?.other ?? ''}", so the figures are per category, with no total stated`,
          { line: skipped.line ?? 1, column: skipped.column ?? 1 },
          rule.path,
        );
      }
      const value = m?.[1];
      if (m === null || value === undefined) continue;
      const pos = where(m, value);
      const unit = rule.unit ?? (rule.type === 'money' && /(?<!万)元\s*$/.test(m[0]) ? '元' : undefined);
      reader.readValue({ path: rule.path, type: rule.type, unit }, value, pos);
      reader.provenance.set(rule.path, 'prose');
      reader.diag('read-from-prose', 'info', `“${pos.excerpt?.trim() ?? ''}”：从正文读出（置信度低于表格）`, `"${pos.excerpt?.trim() ?? ''}": read from running text (less certain than a table cell)`, { line: pos.line ?? 1, column: pos.column ?? 1 }, rule.path);
      break;
    }
    if (sum === undefined || reader.seen.has(rule.path)) continue;
    const { parts, total, pos } = sum;
    reader.readValue({ path: rule.path, type: rule.type, unit: rule.unit }, String(total), pos);
    reader.provenance.set(rule.path, 'prose');
    reader.diag(
      'prose-figures-summed',
      'info',
      `${parts.parts.map((p) => `“${p.text}”`).join('')}：按类别给出，句中没有合计，“${fieldLabel(rule.path)}”读作各类之和 ${String(total)}（从正文读出，置信度低于表格）`,
      `${parts.parts.map((p) => `"${p.text}"`).join(', ')}: given by category with no total in the sentence; "${fieldLabelEn(rule.path)}" is read as their sum, ${String(total)} (from running text, less certain than a table cell)`,
      { line: pos.line ?? 1, column: pos.column ?? 1 },
      rule.path,
    );
  }
}
