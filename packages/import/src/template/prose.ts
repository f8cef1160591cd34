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
}

/** The rest of a sentence after a figure, up to its end (。；; or the line's end), and the breakdown that may follow it (`。其中，…`). */
const SENTENCE_REST = /^[^。；;]*(?:[。；;]\s*其中[^。；;]*)?/;

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
    c = t.prose.map((rule) => ({ rule, re: compile(rule), notWith: rule.notWith === undefined ? undefined : new RegExp(rule.notWith.map(labelPattern).join('|'), 'u') }));
    COMPILED.set(t, c);
  }
  return c;
}

export function readProse(reader: FormReader, index: DocumentIndex, template: Template): void {
  const rules = compiled(template);
  for (const { rule, re, notWith } of rules) {
    if (reader.seen.has(rule.path)) continue;
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
      const where = (found: RegExpExecArray, value: string): SourcePosition => {
        let offset = found.index + found[0].indexOf(value);
        let [l, n] = [line, i + 1];
        if (next !== undefined && offset > line.text.length) [l, n, offset] = [next, i + 2, offset - line.text.length - 1];
        const excerpt = found[0].replace(/\s*\n\s*/g, ' ');
        return l.origin.line !== undefined ? { line: l.origin.line, column: (l.origin.column ?? 1) + offset, excerpt } : { line: n, column: offset + 1, excerpt };
      };
      // A figure whose sentence (or the breakdown after it) goes on with a `notWith` word counts something else: noted, and the next one looked for.
      while (m !== null && notWith !== undefined && m[1] !== undefined) {
        const rest = SENTENCE_REST.exec(text.slice(m.index + m[0].length))?.[0] ?? '';
        const other = notWith.exec(rest)?.[0];
        if (other === undefined) break;
        const skipped = where(m, m[1]);
        reader.diag(
          'prose-figure-not-read',
          'info',
          `“${skipped.excerpt?.trim() ?? ''}”不作为“${fieldLabel(rule.path)}”读取：同一句中有“${other}”，这个数另有所指`,
          `"${skipped.excerpt?.trim() ?? ''}" is not read as "${fieldLabelEn(rule.path)}": the sentence goes on with "${other}", so the figure counts something else`,
          { line: skipped.line ?? 1, column: skipped.column ?? 1 },
          rule.path,
        );
        m = inLine(re.exec(text));
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
  }
}
