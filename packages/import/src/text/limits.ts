import { failure, type ImportDiagnostic, type ImportKind, type ImportResult } from '../diagnostics.js';

/**
 * How much of a form the readers take, whatever the bytes (the seed: 190 lines, ~400 cells). Past these a file is
 * refused as too complex before it is read: the cost of reading grows with lines and cells (a 9 MB text of short
 * lines took ~1.7 GB and seconds), not only with bytes.
 */
export const FORM_LIMITS = {
  /** Most lines of text (paragraphs in a .docx). */
  maxLines: 20_000,
  /** Most cells: pieces between tabs and line ends. */
  maxCells: 100_000,
  /** Most diagnostics kept for one form (the last one says how many more there were). */
  maxDiagnostics: 200,
  /**
   * Most characters of a canonical JSON or YAML form. The model's five free-text fields hold at most 200,000
   * characters each; the seed's JSON is 10,000. (19 MB of `[{},{},…]` took ~700 MB in `JSON.parse`.)
   */
  maxCanonicalChars: 4_000_000,
  /** Most YAML tokens (the seed written as YAML has ~1,300): YAML's reader builds a node for each, ~1 KB apiece. */
  maxYamlTokens: 50_000,
} as const;

/** The one sentence for a file longer than a reader takes. */
export function tooLarge(kind: ImportKind, chars: number): ImportResult {
  return failure(kind, 'too-large', `文本超过 ${chars.toLocaleString('en')} 个字符，远大于一份表格，不予读取。`, `The text is longer than ${chars.toLocaleString('en')} characters, far beyond a form; it is not read.`);
}

/** The one sentence for a file beyond the size of a form. */
export function tooComplex(kind: ImportKind, code: string, count: number, what: { readonly 'zh-CN': string; readonly en: string }): ImportResult {
  return failure(kind, code, `这个文件超出了一份表格的规模（超过 ${count.toLocaleString('en')} ${what['zh-CN']}），疑为恶意构造，不予读取。`, `This file is beyond the size of a form (more than ${count.toLocaleString('en')} ${what.en}); it is not read.`);
}

export const LINES = { 'zh-CN': '行', en: 'lines' } as const;
export const TOKENS = { 'zh-CN': '个 YAML 记号', en: 'YAML tokens' } as const;
export const CELLS = { 'zh-CN': '个单元格', en: 'cells' } as const;
export const ELEMENTS = { 'zh-CN': '个 XML 元素', en: 'XML elements' } as const;

/** How many times `char` occurs in `text`, counting no further than `stop` (indexOf finds it fastest). */
function count(text: string, char: string, stop: number): number {
  let n = 0;
  for (let at = text.indexOf(char); at >= 0 && n <= stop; at = text.indexOf(char, at + 1)) n++;
  return n;
}

/**
 * Whether texts (one text, or the lines of a .docx) hold more lines or cells than a form can. A line ends at a line
 * feed or a carriage return (CRLF counts once); a cell ends at a tab or a line end.
 */
export function beyondForm(texts: readonly string[]): 'lines' | 'cells' | undefined {
  let lines = 0;
  let tabs = 0;
  for (const text of texts) {
    lines += Math.max(count(text, '\n', FORM_LIMITS.maxLines), count(text, '\r', FORM_LIMITS.maxLines)) + 1;
    if (lines > FORM_LIMITS.maxLines) return 'lines';
    tabs += count(text, '\t', FORM_LIMITS.maxCells);
    if (tabs + lines > FORM_LIMITS.maxCells) return 'cells';
  }
  return undefined;
}

/** At most {@link FORM_LIMITS.maxDiagnostics} diagnostics; the last one kept says how many were left out. */
export function capDiagnostics(diagnostics: readonly ImportDiagnostic[]): readonly ImportDiagnostic[] {
  if (diagnostics.length <= FORM_LIMITS.maxDiagnostics) return diagnostics;
  const more = diagnostics.length - FORM_LIMITS.maxDiagnostics + 1;
  return [
    ...diagnostics.slice(0, FORM_LIMITS.maxDiagnostics - 1),
    { code: 'too-many-diagnostics', severity: 'info', message: { 'zh-CN': `另有 ${more} 条提示未列出。`, en: `${more} more diagnostics are not listed.` } },
  ];
}
