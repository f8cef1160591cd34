import { createWriteStream, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { FORMATTERS, isFormatName, isStreamFormat, writeXlsxStream, xlsxReport, type FormatName } from '@jixiao/adapters';
import { LOCALES, SEVERITIES, digestBatch, isLocale, type Config, type CrossFormReport, type EvaluationResult, type FormBrief, type Locale, type Severity } from '@jixiao/core';
import { CliError, EXIT, type CliIo } from '../io.js';
import { loadChecker, type PackSelection } from '../packs.js';
import { TEMPLATE_OPTION_HELP } from './template.js';
import { collectInputs, type CollectedInputs } from '../batch/collect.js';
import { checkFiles, startPool } from '../batch/run.js';
import type { Children } from '../batch/children.js';
import { failuresOnly, reportWriter, type FileOutcome, type RenderOptions } from '../batch/check-file.js';
import { reportStream, rowFiles, type ReportStream } from '../batch/report-stream.js';
import { renderSummary, unreadableList } from '../batch/summary.js';
import { CrossFormSpool } from '../batch/cross-form.js';
import { onTerminal, terminalData, terminalEnd, terminalText, terminalUnread } from '../terminal.js';
import { VERSION } from '../version.js';
import { localToday } from '../waivers.js';
import { collectList, ruleFilter, type FilterFlags } from './filters.js';

export interface CheckFlags extends FilterFlags {
  format: string;
  locale: string;
  config?: string;
  pack?: string[];
  template?: string[];
  output?: string;
  exitZero?: boolean;
  jobs?: string;
  waivers?: string;
  today?: string;
  pretty?: boolean;
  explain?: boolean;
  quiet?: boolean;
  maxWarnings?: string;
  failOn?: string;
  ignore?: string[];
  printConfig?: boolean;
  history?: string[];
  verbose?: boolean;
}

/**
 * `jixiao check <dir|glob|files...>`: check submissions against the selected packs and print one report.
 * Folders are walked; every file is either checked or listed with the reason it was not; work is spread over
 * child processes; the report is sorted by path, so it is the same whatever the process count or argument order.
 */
export function registerCheck(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('检查自评表 / check self-evaluation forms against rule packs')
    .argument('[paths...]', '自评表文件、文件夹或通配符 / submission files, folders or globs')
    .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(Object.keys(FORMATTERS)).default('text'))
    .addOption(new Option('-l, --locale <locale>', '报告语言 / report language').choices([...LOCALES]).default('zh-CN'))
    .option('-c, --config <file>', 'jixiao.config.json')
    .option('-p, --pack <pack...>', '规则包（名称、包名或目录），默认 standard / rule packs (name, package or folder)')
    .option('-t, --template <template...>', TEMPLATE_OPTION_HELP)
    .option('-o, --output <file>', '写入文件而非标准输出 / write the report to a file')
    .option('--pretty', 'JSON 报告缩进两格（默认紧凑为一行） / indent the JSON report by two spaces (default: compact, one line)')
    .option('--explain', 'JSON 报告列出判定每项不通过或无法判断的条件 / JSON report: list the conditions that decided each failure or indeterminate outcome')
    .option('-j, --jobs <n>', '并行检查的进程数：本进程加 n−1 个子进程（默认：CPU 核数，但只有大批量且机器不忙时才启动子进程，如约 400 份 .docx 或 7,000 份 Word 文本） / processes that check: this one and n−1 child processes (default: cores, with children only for large batches, e.g. ~400 .docx or ~7,000 Word text files, on a machine that is not busy)')
    .option('--history <paths...>', '上年度的表（文件、文件夹或通配符）：只用于跨年度核对，本身不检查 / earlier years\' forms (files, folders or globs): joined for the history rules, not checked themselves')
    .option('--waivers <file>', '豁免文件（JSON/YAML） / waiver file (JSON or YAML)')
    .option('--today <date>', '检查日期：报告上的日期，也用于判断豁免是否过期（默认今天） / the day of the check: printed on the report, and for waiver expiry (default: today)')
    .option('--exit-zero', '即使有错误级不通过也以 0 退出（演示用） / exit 0 even with error-level failures')
    .option('-q, --quiet', '报告只列出不通过项（计数仍含全部规则） / report only the failures (the counts still cover every rule)')
    .addOption(new Option('--fail-on <severity>', '以 1 退出的最低严重程度 / lowest severity of a failure that makes exit 1').choices([...SEVERITIES]).default('error'))
    .option('--max-warnings <n>', '警告级不通过超过 n 项时以 1 退出 / exit 1 when there are more than n warning-level failures')
    .option('--rule <id>', '只运行这些规则（规则 id、规则包名或通配符如 integrity/*；可重复或以逗号分隔） / run only these rules (rule id, pack name or glob such as integrity/*; repeatable or comma-separated)', collectList, [])
    .option('--severity <level>', `只运行这些严重程度的规则（${SEVERITIES.join('、')}；可重复或以逗号分隔） / run only rules of these severities (${SEVERITIES.join(', ')}; repeatable or comma-separated)`, collectList, [])
    .option(
      '--ignore <glob>',
      '跳过匹配的文件或文件夹（可重复；不含 / 的模式匹配任何层级的名称）；文件夹与通配符中的隐藏文件（.*）和 Office 锁定文件（~$*）默认跳过，均计入汇总 / skip matching files or folders (repeatable; a pattern without / matches a name at any depth); hidden files (.*) and Office lock files (~$*) in folders and globs are skipped by default; all are counted in the summary',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--verbose', '报告在字段名旁另列模型路径，并列出每条依据的核实情况（已核实/未核实、核实日期、说明）；导入诊断也列出模型路径。配置文件中的 "verbose": true 同此 / reports give each field\'s model path beside its label and each citation\'s check (verified or not, date, remark); import diagnostics give the model path too. Same as "verbose": true in the config file')
    .option('--print-config', '打印生效的配置（JSON，可作 --config 使用）后退出 / print the configuration in force (JSON, usable as --config) and exit')
    .action(async (files: string[], flags: CheckFlags) => {
      setExit(await runCheck(files, flags, io));
    });
}

function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new CliError(`--jobs 应为 1–256 的整数 / --jobs must be an integer from 1 to 256 (got ${value})`);
  return n;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new CliError(`--max-warnings 应为不小于 0 的整数 / --max-warnings must be an integer of 0 or more (got ${value})`);
  return n;
}

function parseFailOn(value: string | undefined): Severity {
  const level = value ?? 'error';
  if (!(SEVERITIES as readonly string[]).includes(level)) throw new CliError(`--fail-on 的值 ${level} 无效，可选：${SEVERITIES.join('、')} / invalid --fail-on ${level}; allowed: ${SEVERITIES.join(', ')}`);
  return level as Severity;
}

/** What makes exit 1: failures at or above `failOn`, or more warning-level failures than `maxWarnings`. */
interface ExitPolicy {
  readonly failOn: Severity;
  readonly maxWarnings: number | undefined;
}

export async function runCheck(paths: readonly string[], flags: CheckFlags, io: CliIo): Promise<number> {
  if (!isFormatName(flags.format)) throw new CliError(`unknown format ${flags.format}`);
  if (!isLocale(flags.locale)) throw new CliError(`unknown locale ${flags.locale}`);
  const locale: Locale = flags.locale;
  const format: FormatName = flags.format;
  const jobs = parseJobs(flags.jobs);
  const policy: ExitPolicy = { failOn: parseFailOn(flags.failOn), maxWarnings: parseMaxWarnings(flags.maxWarnings) };
  if (flags.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(flags.today)) throw new CliError(`--today 应为 YYYY-MM-DD / --today must be YYYY-MM-DD (got ${flags.today})`);
  const selection: PackSelection = { packs: flags.pack, configFile: flags.config, cwd: io.cwd, only: ruleFilter(flags), templates: flags.template };
  if (flags.printConfig === true) return printConfig(selection, flags, io);
  if (paths.length === 0) throw new CliError('缺少要检查的文件、文件夹或通配符 <paths...>（见 jixiao check --help） / missing the files, folders or globs to check: <paths...> (see jixiao check --help)');
  if (flags.output !== undefined) checkOutputPath(resolve(io.cwd, flags.output));
  const inputs = collectInputs(paths, io.cwd, locale, flags.ignore ?? []);
  // Nothing to check at all (an empty folder, everything skipped as hidden, a lock file or by --ignore) is not a
  // clean batch: exit 2, as ESLint does, so that a script never reads "no failures" from a check of nothing.
  if (inputs.files.length === 0 && inputs.skipped.length === 0) throw new CliError(nothingToCheck(paths, inputs.ignored.length));
  // Child processes (when the batch is worth them) start first: they load and compile the packs while this one does.
  const children = startPool(inputs.files, jobs, flags.jobs !== undefined, selection, locale);
  try {
    return await checkAndReport(inputs, flags, io, { locale, format, selection, children, policy });
  } finally {
    await children?.stop();
  }
}

/**
 * `-o` must name a file in a folder that exists: said before any form is checked (a missing folder was an
 * unhandled stream error, exit 1, with --format xlsx, and an "internal error" with the others).
 */
function checkOutputPath(output: string): void {
  const shown = terminalText(output);
  const folder = statSync(dirname(output), { throwIfNoEntry: false });
  if (folder?.isDirectory() !== true) throw new CliError(`无法写入报告 ${shown}：文件夹 ${terminalText(dirname(output))} 不存在 / cannot write the report ${shown}: the folder ${terminalText(dirname(output))} does not exist`);
  if (statSync(output, { throwIfNoEntry: false })?.isDirectory() === true) throw new CliError(`无法写入报告 ${shown}：这是一个文件夹 / cannot write the report ${shown}: it is a folder`);
}

function nothingToCheck(paths: readonly string[], ignored: number): string {
  const zh = ignored > 0 ? `（${String(ignored)} 个文件被跳过：隐藏文件、Office 锁定文件或 --ignore）` : '（文件夹为空）';
  const en = ignored > 0 ? ` (${String(ignored)} skipped: hidden files, Office lock files or --ignore)` : ' (empty folder)';
  const named = paths.map((p) => terminalText(p));
  return `没有可检查的文件：${named.join('、')}${zh} / nothing to check in ${named.join(', ')}${en}`;
}

/**
 * `--print-config`: the configuration in force as a config file (packs as selected, every rule's severity or
 * `off`, every parameter's values in force), so that `--config` with it checks exactly the same.
 */
function printConfig(selection: PackSelection, flags: CheckFlags, io: CliIo): number {
  const { checker, packs, config } = loadChecker(selection);
  const severity = new Map(checker.rules.map((r) => [r.rule.id, r.severity]));
  const printed: Config = {
    packs: [...(selection.packs !== undefined && selection.packs.length > 0 ? selection.packs : (config.packs ?? ['standard']))],
    rules: Object.fromEntries(packs.flatMap((p) => p.rules.map((r) => [r.id, severity.get(r.id) ?? 'off']))),
    parameters: Object.fromEntries([...checker.parameters].map(([id, p]) => [id, [...p.values]])),
    ...(config.locale === undefined ? {} : { locale: config.locale }),
    verbose: flags.verbose === true || config.verbose === true,
  };
  const text = `${JSON.stringify(printed, null, 2)}\n`;
  if (flags.output === undefined) io.stdout(text);
  else writeFileSync(resolve(io.cwd, flags.output), text);
  return EXIT.ok;
}

async function checkAndReport(inputs: CollectedInputs, flags: CheckFlags, io: CliIo, run: { locale: Locale; format: FormatName; selection: PackSelection; children: Children | undefined; policy: ExitPolicy }): Promise<number> {
  const { files, skipped, ignored } = inputs;
  const { locale, format, selection } = run;
  const quiet = flags.quiet === true;
  const { checker, warnings, templates, config } = loadChecker(selection);
  const verbose = flags.verbose === true || config.verbose === true;
  const checkDate = flags.today ?? localToday();
  // A waiver file is read and checked before any form is (a rule id it names must be loaded); its waivers apply as
  // each form is checked, so that the self-rating check does not count a waived failure.
  const waiverFile = flags.waivers === undefined ? undefined : { file: flags.waivers, today: checkDate, refs: (await import('../waivers.js')).readWaiverFile(flags.waivers, io.cwd, checker.rules.map((r) => r.rule.id), locale) };
  // The report file, relative to where the command runs (as the inputs are).
  const output = flags.output === undefined ? undefined : resolve(io.cwd, flags.output);
  for (const w of warnings) io.stderr(`jixiao: ${w}\n`);
  const batch = files.length + skipped.length > 1 || skipped.length > 0 || ignored.length > 0 || files.length === 0;
  const color = flags.output === undefined && io.stdoutIsTTY && io.env.NO_COLOR === undefined;
  const renderOptions: RenderOptions = { locale, toolVersion: VERSION, color, pretty: flags.pretty === true, explain: flags.explain === true, checkDate, ...(verbose ? { verbose } : {}) };
  const formatOptions = { ...renderOptions, rules: checker.rules, parameters: checker.parameters };
  // Reports are written as results arrive (in file order), so a province's worth of forms never sits in memory:
  // a text format's part of each form is written where it was checked (a worker or here) and sent on; an Excel
  // workbook's rows wait in temporary files until its sheets are written. With waivers, results are collected
  // for the waiver report (which waiver took which failure, which went unused).
  const stream = isStreamFormat(format) && flags.waivers === undefined ? { format, writer: reportWriter(checker, format, renderOptions) } : undefined;
  // History and batch rules (the cross-form pass): with --history, or for a batch of several forms.
  const history = flags.history === undefined ? undefined : collectInputs(flags.history, io.cwd, locale);
  const spool = checker.hasCrossFormRules && (history !== undefined || files.length > 1) ? new CrossFormSpool(checker) : undefined;
  // The children compile the packs too, while this process checks its first forms: one that cannot is a
  // configuration error, said before a report is begun — the report begins with the first outcome handed on, and
  // none is before every child is ready (see `checkFiles`).
  let out: ReportStream | undefined;
  const report = stream ? () => (out ??= reportStream(stream.writer, output, io)) : undefined;
  const rows = format === 'xlsx' && flags.waivers === undefined ? rowFiles() : undefined;
  const workbook = rows ? xlsxReport(formatOptions, rows.spool) : undefined;
  try {
    const results: EvaluationResult[] = [];
    const outcomes: FileOutcome[] = [];
    const briefs: FormBrief[] = [];
    const progress = batch ? await (await import('../batch/progress.js')).startProgress(files.length, io) : undefined;
    await checkFiles(
      files,
      {
        locale,
        selection,
        checker,
        templates,
        ...(waiverFile === undefined ? {} : { waivers: { refs: waiverFile.refs, today: waiverFile.today } }),
        shape: { ...(stream ? { render: { format: stream.format, options: renderOptions, ...(quiet ? { failuresOnly: true } : {}) } } : {}), ...(spool ? { crossForm: true } : {}), ...(verbose ? { verbose } : {}) },
        ...(progress ? { onProgress: progress.update } : {}),
        onOutcome: (o) => {
          if (o.ok && o.crossForm !== undefined) spool?.add(o.crossForm.record, o.crossForm.form);
          if (o.ok) {
            if (o.result) {
              if (workbook) workbook.form(quiet ? failuresOnly(o.result) : o.result);
              else results.push(o.result);
            }
            if (o.chunks !== undefined) report?.().form(o.chunks);
            briefs.push(o.brief);
            outcomes.push({ ok: true, source: o.source, brief: o.brief, diagnostics: o.diagnostics, importErrors: o.importErrors });
          } else outcomes.push(o);
        },
      },
      run.children,
    );
    progress?.stop();
    // Every form is checked: the children end before the cross-form pass and the report.
    await run.children?.stop();
    // The cross-form pass: forms given with --history joined (a file that cannot be read is listed like any other).
    let crossForm: { report: CrossFormReport; errors: number } | undefined;
    const allSkipped = [...skipped, ...(history?.skipped ?? [])];
    if (spool) {
      outcomes.push(...(await spool.addHistory(history?.files ?? [], new Set(files.map((f) => f.source)), locale, templates, { verbose })));
      crossForm = spool.finish(locale);
    }
    // Import diagnostics, one line each, written at once (a batch can have tens of thousands).
    const notes: string[] = [];
    for (const o of outcomes) if (o.ok) for (const d of o.diagnostics) notes.push(`${terminalText(o.source)}: ${d}\n`);
    if (notes.length > 0) io.stderr(notes.join(''));
    const unreadable = unreadableList(outcomes, allSkipped);
    // A batch lists what it could not read in its summary; a single file says so at once.
    if (!batch) for (const u of unreadable) io.stderr(`${locale === 'zh-CN' ? '无法读取' : 'unreadable'} ${terminalText(u.source)}:\n${u.reason.split('\n').map(terminalText).join('\n')}\n`);
    // Waivers (and the YAML parser they may need) load only when asked for.
    if (waiverFile !== undefined) (await import('../waivers.js')).printWaiverReport(results, waiverFile, locale, io);
    const end = { digest: digestBatch(briefs, unreadable), sources: [...briefs.map((b) => b.source), ...unreadable.map((u) => u.source)], ...(crossForm === undefined ? {} : { crossForm: crossForm.report }) };
    if (report) report().end(onTerminal(format) ? terminalEnd(end) : end);
    else if (workbook) await writeXlsxStream(workbook, { ...end, emitted: [] }, formatOptions, outputStream(output, io));
    else {
      // Reports read on a terminal show every control character a form or a file name holds instead of obeying it.
      const reported = quiet ? results.map(failuresOnly) : results;
      const all = { results: reported, unread: unreadable, ...(crossForm === undefined ? {} : { crossForm: crossForm.report }) };
      const shown = onTerminal(format) ? { ...terminalData(all), unread: terminalUnread(unreadable) } : all;
      const report = await FORMATTERS[format](shown.results, { ...formatOptions, unread: shown.unread, ...(shown.crossForm === undefined ? {} : { crossForm: shown.crossForm }) });
      if (output === undefined) io.stdout(report);
      else writeFileSync(output, report);
    }
    if (batch) io.stderr(renderSummary(outcomes, allSkipped, locale, ignored));
    // Something could not be read (a file, or a value of a form): the report is incomplete, whatever it found.
    if (unreadable.length > 0 || outcomes.some((o) => o.ok && o.importErrors > 0)) return EXIT.unreadable;
    if (flags.exitZero === true) return EXIT.ok;
    // Failures by severity, waived ones excepted.
    const total = (key: 'errors' | 'warnings' | 'infos') => briefs.reduce((n, c) => n + c[key], 0);
    const { failOn, maxWarnings } = run.policy;
    // Cross-form failures at error severity count as any other (waivers apply to the forms' own findings only).
    const failing = total('errors') + (crossForm?.errors ?? 0) + (failOn === 'error' ? 0 : total('warnings')) + (failOn === 'info' ? total('infos') : 0);
    if (maxWarnings !== undefined && total('warnings') > maxWarnings) {
      io.stderr(`jixiao: 警告级不通过 ${String(total('warnings'))} 项，超过 --max-warnings ${String(maxWarnings)} / ${String(total('warnings'))} warning-level failures, more than --max-warnings ${String(maxWarnings)}\n`);
      return EXIT.failures;
    }
    return failing > 0 ? EXIT.failures : EXIT.ok;
  } finally {
    out?.abort();
    rows?.close();
    spool?.close();
  }
}

/** The report file, or standard output, as a stream (for the Excel workbook's writer). */
function outputStream(output: string | undefined, io: CliIo): Writable {
  if (output !== undefined) return createWriteStream(output);
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      io.stdout(new Uint8Array(chunk));
      done();
    },
  });
}
