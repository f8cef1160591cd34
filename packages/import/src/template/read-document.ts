import type { Template } from '@jixiao/core';
import type { ImportDiagnostic, ImportKind, ImportResult, TemplateMatch } from '../diagnostics.js';
import type { DocumentElements, DocumentLine, ParagraphElement } from '../document/elements.js';
import { cellsOfLines } from '../form/cells.js';
import { readCells, readingOf } from '../form/read-form.js';
import { requiredLeafPaths, toEvaluation } from '../form/to-evaluation.js';
import { bestTemplate, scoreTemplates, squash, type Detection } from './detect.js';
import { readProse } from './prose.js';
import { shippedTemplates, readerFor } from './registry.js';
import { readTables } from './tables.js';
import { simplifiedDocument } from './traditional.js';

/** Options of the reading pipeline. */
export interface ReadOptions {
  /** The templates to detect among (default: the shipped ones, `@jixiao/templates`). */
  readonly templates?: readonly Template[] | undefined;
}

/** The document's lines in reading order (its paragraphs), and for each paragraph its 1-based line (what the readers' positions name). */
export interface DocumentIndex {
  readonly lines: readonly DocumentLine[];
  readonly lineOf: ReadonlyMap<ParagraphElement, number>;
}

/** The paragraphs of a document in reading order (each is a {@link DocumentLine}: text and origin). */
function paragraphsOf(doc: DocumentElements): ParagraphElement[] {
  const lines: ParagraphElement[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') lines.push(block);
    else for (const row of block.rows) for (const cell of row.cells) for (const p of cell.paragraphs) lines.push(p);
  }
  return lines;
}

export function indexDocument(doc: DocumentElements, lines: readonly ParagraphElement[] = paragraphsOf(doc)): DocumentIndex {
  return { lines, lineOf: new Map(lines.map((p, i) => [p, i + 1])) };
}

/**
 * Read a document (elements of any format) as a 部门整体支出绩效自评: detection scores every template, the best
 * one at or above its threshold reads the fields (cells, tables, prose), and the evaluation comes out with the
 * template used, positions and diagnostics. A 项目支出 form, a scoring sheet whose reading is not available
 * yet, a self-evaluation in a template not shipped and a file that is no self-evaluation at all each get their
 * own message. A document written in traditional characters is read as its simplified text (./traditional.ts).
 * Positions name text lines and columns; for a format without lines (a .docx), the 1-based index
 * of the line in {@link indexDocument}'s lines, which the caller maps to paragraph and cell.
 */
export function readDocument(published: DocumentElements, kind: ImportKind, options: ReadOptions = {}): ImportResult {
  const original = paragraphsOf(published);
  const simplified = simplifiedDocument(published, original.map((l) => l.text));
  const result = readLines(simplified ?? published, simplified === undefined ? original : paragraphsOf(simplified), kind, options);
  return result.ok && simplified !== undefined ? { ...result, diagnostics: [TRADITIONAL_NOTE, ...result.diagnostics] } : result;
}

/** Noted when a document written in traditional characters was read as simplified text. */
const TRADITIONAL_NOTE: ImportDiagnostic = {
  code: 'traditional-characters',
  severity: 'info',
  message: {
    'zh-CN': '文件使用繁体字，已按对应的简体字读取（位置不变，读出的文字为简体）。',
    en: 'The file is written in traditional characters; it was read as the corresponding simplified text (positions unchanged, text read in simplified characters).',
  },
};

function readLines(doc: DocumentElements, lines: ParagraphElement[], kind: ImportKind, options: ReadOptions): ImportResult {
  const templates = options.templates ?? shippedTemplates();
  const cells = cellsOfLines(lines);
  const scores = scoreTemplates(cells, () => lines.map((l) => l.text).join('\n'), templates);
  const best = bestTemplate(scores);
  if (best === undefined) return unrecognised(kind, squash(lines.map((l) => l.text).join('')), scores, templates);
  const template: TemplateMatch = { id: best.template.id, score: best.score, title: best.template.title };
  if (best.template.kind === 'project-expenditure') return projectForm(kind, template);
  // A scoring form is read when its template maps its tables (T3/T4/T5 with an indicator list); one that maps none is only recognised.
  if (best.template.kind === 'scoring' && best.template.tables.length === 0) return scoringForm(kind, template, best);
  const reader = readerFor(best.template);
  const formReader = readCells(reader, cells);
  if (best.template.tables.length > 0 || best.template.prose.length > 0) {
    const index = indexDocument(doc, lines);
    if (best.template.tables.length > 0) readTables(formReader, doc, index, best.template);
    if (best.template.prose.length > 0) readProse(formReader, index, best.template);
  }
  const reading = readingOf(formReader);
  // The title is looked at only when nothing was read (squashing the head of every form cost 7 % of its reading).
  if (best.template.kind === 'self-evaluation' && ![...reading.values.values()].some((v) => v !== null && v !== undefined) && isFinalAccounts(lines)) return notAForm(kind);
  if (best.template.kind === 'scoring') {
    if (!SCORES.some((p) => reading.values.has(p))) return scoringForm(kind, template, best, true);
    // A scoring sheet is tables: their cells are what its table maps read (or pass over as headers), not left-over text.
    const inTables = tableLines(doc);
    reading.diagnostics.splice(0, reading.diagnostics.length, ...reading.diagnostics.filter((d) => d.code !== 'leftover-text' || d.line === undefined || !inTables.has(d.line)));
  }
  if (best.template.tables.length > 0 || best.template.prose.length > 0) {
    // Text outside labelled cells is where table maps and prose patterns read: what is left of it is noted, not warned about.
    reading.diagnostics.forEach((d, i) => {
      if (d.code === 'leftover-text' && d.severity === 'warning') reading.diagnostics[i] = { ...d, severity: 'info' };
    });
  }
  const result = toEvaluation(reading, kind, reader.expected);
  if (!result.ok) return { ...result, template };
  const notOnForm = fieldsNotOnForm(best.template, reader.expected);
  return notOnForm.length === 0 ? { ...result, template } : { ...result, template, fieldsNotOnForm: notOnForm };
}

const NOT_ON_FORM = new WeakMap<Template, readonly string[]>();

/** The model's required fields a template has no place for (a blank there is not the unit's omission). */
function fieldsNotOnForm(template: Template, expected: readonly string[]): readonly string[] {
  let out = NOT_ON_FORM.get(template);
  if (out === undefined) {
    const read = new Set(expected);
    out = requiredLeafPaths().filter((p) => !read.has(p));
    NOT_ON_FORM.set(template, out);
  }
  return out;
}

/** The one sentence for a file that is no self-evaluation at all. */
export function notAForm(kind: ImportKind): ImportResult {
  return failure(kind, undefined, {
    code: 'not-a-form',
    severity: 'error',
    message: {
      'zh-CN': '这不是部门整体支出绩效自评表：文件中找不到表中的栏目（如“单位名称”“编制人数”“年度收入”）。',
      en: 'This is not a 部门整体支出绩效自评 form: none of its labels (单位名称, 编制人数, 年度收入 …) were found in the file.',
    },
  });
}

function failure(kind: ImportKind, template: TemplateMatch | undefined, diagnostic: ImportDiagnostic): ImportResult {
  return { ok: false, kind, diagnostics: [diagnostic], ...(template === undefined ? {} : { template }) };
}

function projectForm(kind: ImportKind, template: TemplateMatch): ImportResult {
  return failure(kind, template, {
    code: 'project-expenditure-form',
    severity: 'error',
    message: {
      'zh-CN': '这是项目支出绩效自评表，不是部门整体支出绩效自评，不按部门整体支出的规则检查。',
      en: 'This is a 项目支出 (project expenditure) performance self-evaluation, not a 部门整体 (overall expenditure) one; it is not checked against the overall-expenditure rules.',
    },
  });
}

/** The reader's line numbers (a text line, or the index of a paragraph in reading order) of every table cell's text. */
function tableLines(doc: DocumentElements): Set<number> {
  const out = new Set<number>();
  let index = 0;
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      index++;
      continue;
    }
    for (const row of block.rows) for (const cell of row.cells) for (const p of cell.paragraphs) out.add(p.origin.line ?? ++index);
  }
  return out;
}

/** What a scoring form must yield to be checked: its indicator list or its budget execution figures. */
const SCORES = ['selfAssessment.indicators', 'selfAssessment.budget.executed', 'selfAssessment.budget.score'];

function scoringForm(kind: ImportKind, template: TemplateMatch, best: Detection, tablesUnread = false): ImportResult {
  const title = best.template.title;
  if (tablesUnread) {
    return failure(kind, template, {
      code: 'scoring-template-not-read',
      severity: 'error',
      message: {
        'zh-CN': `识别为“${title['zh-CN']}”（模板 ${template.id}，识别得分 ${String(template.score)}），但读不出其中的指标表或预算执行表：表格的栏目没有分开（从 PDF 或网页复制的文字常把各栏连在一起）。请提交 Word（.docx）或 Excel（.xlsx）原件，或栏目以制表符分隔的文字。`,
        en: `Recognised as "${title.en}" (template ${template.id}, detection score ${String(template.score)}), but neither its indicator table nor its budget execution table could be read: the columns are not separated (text copied from a PDF or a web page often runs them together). Submit the Word (.docx) or Excel (.xlsx) original, or text with the columns separated by tabs.`,
      },
    });
  }
  return failure(kind, template, {
    code: 'scoring-template-not-read',
    severity: 'error',
    message: {
      'zh-CN': `识别为“${title['zh-CN']}”（模板 ${template.id}，识别得分 ${String(template.score)}）：这类自评表/得分表的读取尚未提供，暂不能检查。`,
      en: `Recognised as "${title.en}" (template ${template.id}, detection score ${String(template.score)}): reading this kind of self-evaluation or scoring sheet is not available yet, so it cannot be checked.`,
    },
  });
}

/**
 * The name of a performance self-evaluation of a department's overall spending, as its title gives it
 * (部门整体支出绩效自评, 部门(单位)整体支出绩效评价, 机关整体支出绩效评价 …): the words must stand together, so a
 * budget rule that lists 部门整体支出 among what it covers and speaks of 绩效评价 elsewhere is no such form.
 */
const SELF_EVALUATION = /(?:部门|单位|机关)(?:\(单位\))?整体(?:支出)?绩效(?:自评|评价|自我评价)/;
/**
 * A 部门决算 (final accounts) publication, named in its title: its table of contents lists the self-evaluation
 * among its parts, but no template found the form itself in it, so it is no self-evaluation to read.
 */
const FINAL_ACCOUNTS = /[0-9]{4}年度?(?:部门|单位)?决算/;
/** How far into the (squashed) text the title is looked for. */
const FINAL_ACCOUNTS_TITLE = 300;

/**
 * Is the document a 部门决算 publication by its title? Its contents list the self-evaluation report among its
 * parts (`九、整体支出绩效自评报告`), which a narrative template recognises; when the template then reads not one
 * figure, the report itself is not in the file and it is no self-evaluation to read (随州).
 */
function isFinalAccounts(lines: readonly ParagraphElement[]): boolean {
  let head = '';
  for (const l of lines) {
    head += squash(l.text);
    if (head.length >= FINAL_ACCOUNTS_TITLE) break;
  }
  return FINAL_ACCOUNTS.test(head.slice(0, FINAL_ACCOUNTS_TITLE));
}

function unrecognised(kind: ImportKind, squashed: string, scores: readonly Detection[], templates: readonly Template[]): ImportResult {
  const isSelfEvaluation = SELF_EVALUATION.test(squashed) && !FINAL_ACCOUNTS.test(squashed.slice(0, FINAL_ACCOUNTS_TITLE));
  if (!isSelfEvaluation) return notAForm(kind);
  const labels = foundLabels(squashed, templates);
  const closest = scores[0];
  const shown = labels.length === 0 ? '（无）' : labels.join('、');
  const near = closest === undefined ? '' : `；最接近的模板 ${closest.template.id} 得分 ${String(closest.score)}，需 ${String(closest.template.detection.threshold)}`;
  const nearEn = closest === undefined ? '' : `; the closest template, ${closest.template.id}, scores ${String(closest.score)} of the ${String(closest.template.detection.threshold)} needed`;
  return failure(kind, undefined, {
    code: 'template-not-recognised',
    severity: 'error',
    message: {
      'zh-CN': `部门整体支出绩效自评（模板未识别：找到的栏目 ${shown}${near}）。可为此表添加模板：jixiao template init，见 examples/template-tutorial。`,
      en: `部门整体支出绩效自评 (template not recognised: found labels ${labels.length === 0 ? '(none)' : labels.join(', ')}${nearEn}). Add a template for this form: jixiao template init, see examples/template-tutorial.`,
    },
  });
}

/** The field labels of all templates found in the text (first label of each field), at most 20. */
function foundLabels(squashed: string, templates: readonly Template[]): string[] {
  const out = new Set<string>();
  for (const t of templates) {
    for (const f of [...t.fields, ...t.questions, ...t.blocks, ...t.prose.filter((p) => p.labels !== undefined)]) {
      const labels = f.labels ?? [];
      const hit = labels.find((l) => squashed.includes(squash(l)));
      if (hit !== undefined) out.add(hit);
      if (out.size >= 20) return [...out];
    }
  }
  return [...out];
}
