/**
 * A check worker: reads each file the page sends (`@jixiao/import`), checks it against the standard packs plus
 * the reviewer's own (`@jixiao/core`), and answers with the result and its view. Nothing here touches the
 * network: the page's Content-Security-Policy (inherited by this worker) forbids it anyway.
 */
import * as z from 'zod';
import {
  ConfigSchema,
  createChecker,
  explainConfigIssue,
  formGaps,
  formTemplate,
  formRecord,
  formBrief,
  formatLintIssue,
  lintPack,
  localizeDiagnostic,
  parseStrictJson,
  parseWaiverFile,
  positionOf,
  waiverRefs,
  type Checker,
  type Config,
  type EvaluationResult,
  type FormRecord,
  type LintIssue,
  type Locale,
  type Pack,
  type WaiverRef,
} from '@jixiao/core';
import { DEFAULT_ZIP_LIMITS, detectKind, importBuffer, importPdfText, MAX_INPUT_BYTES, officeFormat, pdfFailure, readZipDirectory, readZipEntry, unreadReasonLines, type ImportResult, type PdfText } from '@jixiao/import';
import { standardPacks } from '@jixiao/standard';
import { crossFormView } from './cross.js';
import { documentOf, documentView, pdfView } from './document.js';
import { findPackFiles, type PackFiles } from './pack-files.js';
import { extractPdf } from './pdf.js';
import type { FormDetails, FormEntry, HeldForm, PackSource, Setup, SetupIssue, WorkerRequest, WorkerResponse } from './protocol.js';
import { summaryColumns, summaryRow, totalsCells } from './summary.js';
import { diagnosticsOf, findingsOf, placesOf, scoresOf } from './view.js';

/**
 * Set by the build (scripts/build.mjs): `base` in `worker.js`, which starts with the page and is built without the
 * spreadsheet library (exceljs is most of a worker's size) and without pdf.js; `xlsx` in `worker-xlsx.js`, started
 * when a workbook is dropped; `pdf` in `worker-pdf.js`, started when a PDF is dropped. The first gives a workbook's
 * or a PDF back to the page, which sends the file on to the worker that reads it.
 */
declare const JIXIAO_READS: 'base' | 'xlsx' | 'pdf';

// The page forbids eval (CSP without 'unsafe-eval'): zod must not try its compiled parsers (the attempt itself
// would be logged as a violation).
z.config({ jitless: true });

/** A file as read: its name and the import result (kept so a new setup or locale re-checks without reading it again). */
interface Held {
  readonly name: string;
  readonly read: ImportResult;
  /** The file as the page handed it: read again and partitioned only when the reviewer opens the form. */
  readonly file: Blob;
  /** A PDF's text items as pdf.js gave them (its lines are rebuilt again when the reviewer opens the form). */
  readonly pdf?: PdfText;
}

/** Which worker reads a file: a workbook or a PDF is read by a worker of its own (loaded when first needed). */
function readerOf(bytes: Uint8Array, name: string): 'xlsx' | 'pdf' | undefined {
  if (detectKind(bytes, name) === 'xlsx') return 'xlsx';
  // As the Node reader routes it: a PDF by its signature, within the size every file is held to.
  if (bytes.length > 0 && bytes.length <= MAX_INPUT_BYTES && officeFormat(bytes, name) === 'pdf') return 'pdf';
  return undefined;
}

/** A PDF read as the CLI reads it: pdf.js's text items (in the reader's worker), lines and cells rebuilt, the form read. */
async function readPdf(name: string, bytes: Uint8Array, file: Blob): Promise<Held> {
  const extracted = await extractPdf(bytes);
  if ('error' in extracted) return { name, read: pdfFailure(extracted.error, extracted.detail), file };
  return { name, read: importPdfText(extracted), file, pdf: extracted };
}

let locale: Locale = 'zh-CN';
let today = '1970-01-01';
let checker: Checker | undefined;
let waivers: readonly WaiverRef[] = [];
const held = new Map<number, Held>();
/** The last result of each form, sent to the page only for an export (and worded for the form view when it is opened). */
const results = new Map<number, EvaluationResult>();
/**
 * Each form's cross-form record (unit, year, narrative signatures, ratios), made by the worker that read it when a
 * pass first asks (every worker at once), and kept: a pass after new rules or another language reuses it.
 */
const records = new Map<number, FormRecord>();

/** A channel of a cross-form pass from another worker, and the forms it brings (its one message). */
interface Channel {
  readonly port: MessagePort;
  readonly forms: Promise<readonly HeldForm[]>;
}

/** The channels of each cross-form pass asked for (`records`) and not yet run (`cross`), by pass. */
const gathering = new Map<number, readonly Channel[]>();

/** Take the one message of each port as it comes, while this worker goes on with its requests. */
function gather(ports: readonly MessagePort[]): Channel[] {
  return ports.map((port) => ({
    port,
    forms: new Promise<readonly HeldForm[]>((resolve) => {
      port.onmessage = (event: MessageEvent<readonly HeldForm[]>) => {
        resolve(event.data);
      };
    }),
  }));
}

function post(message: WorkerResponse): void {
  postMessage(message);
}

function issueOf(i: LintIssue): SetupIssue {
  return { level: i.level, file: i.file, ...(i.line === undefined ? {} : { line: i.line }), ...(i.column === undefined ? {} : { column: i.column }), text: formatLintIssue(i, locale) };
}

function setupError(file: string, text: string, path: string, zh: string, en: string): LintIssue {
  const at = positionOf(text, path === '' ? [] : path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
  return { level: 'error', code: 'schema', file, path, ...(at === undefined ? {} : { line: at.line, column: at.column }), message: { 'zh-CN': zh, en } };
}

/**
 * The config, read as `--config` reads it: strict JSON (a key written twice is an error, not the last one winning),
 * then the schema, each problem in the CLI's words (`explainConfigIssue`) with its file and line.
 */
function readConfig(file: Setup['config'], issues: LintIssue[]): Config {
  if (file === undefined) return {};
  const raw = parseStrictJson(file.text);
  if (!raw.ok) {
    const { line, column, message } = raw.issue;
    issues.push({ level: 'error', code: raw.issue.code, file: file.name, path: raw.issue.path ?? '', ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }), message });
    return {};
  }
  const parsed = ConfigSchema.safeParse(raw.value);
  if (parsed.success) return parsed.data;
  for (const i of parsed.error.issues) {
    const text = explainConfigIssue(i, raw.value);
    issues.push(setupError(file.name, file.text, i.path.map(String).join('.'), text['zh-CN'], text.en));
  }
  return {};
}

function fileIssue(file: string, zh: string, en: string): LintIssue {
  return { level: 'error', code: 'pack', file, path: '', message: { 'zh-CN': zh, en } };
}

/** A pack's files: as picked, or read from a zip entry by entry under the same limits as a .docx. */
async function packFiles(source: PackSource, issues: LintIssue[]): Promise<PackFiles | undefined> {
  if (source.kind === 'files') return source;
  const bytes = new Uint8Array(source.bytes);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    const entries = new Map([...readZipDirectory(bytes, DEFAULT_ZIP_LIMITS).values()].map((e) => [e.name, e]));
    const read = (name: string) => {
      const entry = entries.get(name);
      return Promise.resolve(entry === undefined ? '' : decoder.decode(readZipEntry(bytes, entry, DEFAULT_ZIP_LIMITS.maxEntryBytes)));
    };
    const found = await findPackFiles([...entries.keys()], read);
    if (found === undefined) issues.push(fileIssue(source.name, 'zip 中没有 pack.json', 'no pack.json in the zip'));
    return found;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    issues.push(fileIssue(source.name, `无法读取 zip：${detail}`, `cannot read the zip: ${detail}`));
    return undefined;
  }
}

/** Standard packs, the config's choice among them, the reviewer's packs; issues with file and line. */
async function configure(setup: Setup): Promise<SetupIssue[]> {
  locale = setup.locale;
  today = setup.today;
  const issues: LintIssue[] = [];
  const standard = standardPacks();
  const own: Pack[] = [];
  for (const source of setup.packs) {
    const p = await packFiles(source, issues);
    if (p === undefined) continue;
    const linted = lintPack({ manifest: { file: p.manifest.name, text: p.manifest.text }, rules: p.rules.map((r) => ({ file: r.name, text: r.text })), context: standard });
    issues.push(...linted.issues);
    if (linted.pack && !linted.issues.some((i) => i.level === 'error')) own.push(linted.pack);
  }
  const config = readConfig(setup.config, issues);
  // A config chooses among the standard packs (by name, or `standard` for all); packs loaded here always apply.
  const named = config.packs;
  const chosen = named === undefined || named.includes('standard') ? standard : standard.filter((p) => named.includes(p.meta.name));
  for (const name of named ?? []) {
    if (name !== 'standard' && ![...standard, ...own].some((p) => p.meta.name === name) && setup.config !== undefined) {
      issues.push(setupError(setup.config.name, setup.config.text, 'packs', `规则包 ${name} 未加载：请先加载其文件夹或 .zip`, `pack ${name} is not loaded: load its folder or .zip first`));
    }
  }
  const packs = [...chosen, ...own];
  try {
    checker = createChecker(packs, config);
  } catch (error) {
    checker = createChecker(standard);
    const detail = error instanceof Error ? error.message : String(error);
    issues.push({ level: 'error', code: 'config', file: setup.config?.name ?? '', path: '', message: { 'zh-CN': detail, en: detail } });
  }
  // A waiver for a rule that is not loaded is an error, as the CLI's (`parseWaiverFile` decides for both).
  waivers = [];
  if (setup.waivers !== undefined) {
    const parsed = parseWaiverFile(setup.waivers.text, setup.waivers.name, { rules: checker.rules.map((r) => r.rule.id) });
    if (parsed.ok) waivers = waiverRefs(parsed.value, setup.waivers.name);
    else issues.push(...parsed.issues);
  }
  return issues.map(issueOf);
}

function check(id: number, { name, read }: Held): FormEntry {
  // The reasons in the CLI's words (its report's unread inputs): the list on the page and every export say the same.
  if (!read.ok) return { id, ok: false, file: name, kind: read.kind, reasons: unreadReasonLines(read.diagnostics, locale) };
  checker ??= createChecker(standardPacks());
  // Waivers apply as each rule is decided, so the self-rating check does not count a waived failure. The synchronous
  // checker, as the CLI's batch uses it: the same result as `checkEvaluation` (core's differential property proves
  // it) without running json-rules-engine again, with its promises, for each failing rule's explanation
  // (bench/RESULTS.md, fourteenth shift).
  let result = checker.checkEvaluationSync(read.evaluation, { source: name, locale, positions: read.positions, ...formGaps(read), ...(waivers.length === 0 ? {} : { waivers: { refs: waivers, today } }) });
  // The form template the file was read with, as the CLI gives it (the summary's template column, the exports).
  if (read.template !== undefined) result = { ...result, template: formTemplate(read.template, locale) };
  // Its import diagnostics, as the CLI's result carries them: the summary's column and every export's section.
  if (read.diagnostics.length > 0) result = { ...result, diagnostics: read.diagnostics.map((d) => localizeDiagnostic(d, locale)) };
  results.set(id, result);
  const brief = formBrief(result);
  const attention = new Set(result.findings.filter((f) => (f.outcome === 'fail' && f.waiver === undefined) || f.outcome === 'indeterminate').map((f) => f.ruleId));
  return { id, ok: true, kind: read.kind, row: summaryRow(brief, locale), brief, attention: [...attention] };
}

/** What the form view shows of a form besides its row, worded in the locale in force (undefined: not held here). */
function details(id: number): FormDetails | undefined {
  const form = held.get(id);
  const result = results.get(id);
  if (form === undefined || result === undefined || !form.read.ok) return undefined;
  return {
    scores: scoresOf(result, locale),
    places: placesOf(form.read.evaluation, form.read.positions, locale),
    findings: findingsOf(result, locale),
    diagnostics: diagnosticsOf(form.read.diagnostics, locale),
  };
}

/**
 * A bug, not the file's fault: still one entry for the file (never a file lost from the count), with the error in
 * the CLI's words (its batch's check-file.ts).
 */
function internalError(id: number, file: string, error: unknown): FormEntry {
  const detail = error instanceof Error ? error.message : String(error);
  return { id, ok: false, file, kind: 'unknown', reasons: [locale === 'en' ? `internal error: ${detail}` : `内部错误：${detail}`] };
}

/** The forms read here, as the cross-form pass takes them, each with its record (made once, when a pass first asks). */
function heldForms(): HeldForm[] {
  const forms: HeldForm[] = [];
  for (const [id, { name, read }] of held) {
    if (!read.ok) continue;
    let record = records.get(id);
    if (record === undefined) records.set(id, (record = formRecord(read.evaluation, name)));
    forms.push({ id, source: name, evaluation: read.evaluation, positions: read.positions, record });
  }
  return forms;
}

/** `read`: a `check`'s file being read since its request arrived (see the listener below). */
async function handle(request: WorkerRequest, read?: Promise<ArrayBuffer>): Promise<void> {
  switch (request.type) {
    case 'setup': {
      const issues = await configure(request.setup);
      const titles = (checker?.rules ?? []).filter((r) => r.scope === 'form').map((r) => [r.rule.id, r.rule.title[locale]] as const);
      post({ type: 'ready', rules: checker?.rules.length ?? 0, issues, columns: summaryColumns(locale), titles });
      return;
    }
    case 'check': {
      post({ type: 'reading', id: request.id });
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await (read ?? request.file.arrayBuffer()));
      } catch {
        // The browser could not read the file (moved, renamed, deleted or changed since it was picked): the page lists it
        // with words that say so (the browser's own, "NotReadableError …", do not).
        post({ type: 'moved', id: request.id, name: request.name });
        return;
      }
      try {
        const reader = JIXIAO_READS === 'base' ? readerOf(bytes, request.name) : undefined;
        if (reader !== undefined) {
          post({ type: 'elsewhere', reader, id: request.id, name: request.name });
          return;
        }
        const form: Held = JIXIAO_READS === 'pdf' ? await readPdf(request.name, bytes, request.file) : { name: request.name, read: await importBuffer(bytes, { filename: request.name }), file: request.file };
        held.set(request.id, form);
        post({ type: 'checked', entry: check(request.id, form) });
      } catch (error) {
        post({ type: 'checked', entry: internalError(request.id, request.name, error) });
      }
      return;
    }
    case 'recheck': {
      const entries: FormEntry[] = [];
      for (const [id, form] of held) {
        post({ type: 'reading', id });
        try {
          entries.push(check(id, form));
        } catch (error) {
          entries.push(internalError(id, form.name, error));
        }
      }
      post({ type: 'rechecked', entries });
      return;
    }
    case 'document': {
      const form = held.get(request.id);
      if (form?.pdf !== undefined && form.read.ok) {
        post({ type: 'document', id: request.id, blocks: pdfView(form.pdf, locale) });
        return;
      }
      if (form?.read.ok !== true) {
        post({ type: 'document', id: request.id });
        return;
      }
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await form.file.arrayBuffer());
      } catch {
        // The file is read again for the view: the browser refuses it once it was moved, renamed or changed on disk.
        post({ type: 'document', id: request.id, moved: true });
        return;
      }
      const doc = await documentOf(form.read.kind, bytes);
      post({ type: 'document', id: request.id, ...(doc === undefined ? {} : { blocks: documentView(doc, form.read.positions) }) });
      return;
    }
    case 'details': {
      const found = details(request.id);
      post({ type: 'details', id: request.id, ...(found === undefined ? {} : { details: found }) });
      return;
    }
    case 'results': {
      const asked = request.ids.flatMap((id) => {
        const result = results.get(id);
        return result === undefined ? [] : [{ id, result }];
      });
      post({ type: 'results', results: asked });
      return;
    }
    case 'forms': {
      const forms = heldForms();
      // Posted before the answer: once the page has it, the forms are on their way (the pass waits for them).
      request.port.postMessage(forms);
      post({ type: 'sent', forms: forms.length });
      return;
    }
    case 'records':
      gathering.set(request.pass, gather(request.ports));
      post({ type: 'records', forms: heldForms().length });
      return;
    case 'cross': {
      checker ??= createChecker(standardPacks());
      // Its own forms stay here; the other workers' came to it on the pass's channels.
      const channels = gathering.get(request.pass);
      const others = await Promise.all(request.from.map((i) => channels?.[i]?.forms ?? Promise.resolve([])));
      // This pass's channels and those of any pass before it (overtaken: never run) are done with.
      for (const [pass, list] of gathering) {
        if (pass > request.pass) continue;
        for (const channel of list) channel.port.close();
        gathering.delete(pass);
      }
      const view = crossFormView(checker, [...heldForms(), ...others.flat()], locale);
      post({ type: 'cross', ...(view === undefined ? {} : { view }) });
      return;
    }
    case 'totals':
      post({ type: 'totals', cells: totalsCells(request.briefs, locale) });
      return;
    case 'forget':
      held.clear();
      results.clear();
      records.clear();
      return;
  }
}

// One request at a time, in order: a setup always applies to the checks sent after it. A file to check is read
// from the moment its request arrives, while the forms before it are checked: the worker never waits for its bytes.
let queue = Promise.resolve();
addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const read = request.type === 'check' ? request.file.arrayBuffer() : undefined;
  // Its failure is reported in its turn (handle), not as an unhandled rejection meanwhile.
  read?.catch(() => undefined);
  queue = queue
    .then(() => handle(request, read))
    .catch((error: unknown) => {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    });
});
