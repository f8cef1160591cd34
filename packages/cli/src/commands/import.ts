import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { LOCALES, isLocale, localizeAnswerNote, type Evaluation, type Locale } from '@jixiao/core';
import { formatDiagnostic } from '@jixiao/import';
import { CliError, EXIT, type CliIo } from '../io.js';
import { importFile } from '../input.js';
import { loadTemplateSelection } from '../templates.js';
import { TEMPLATE_OPTION_HELP } from './template.js';
import { terminalText } from '../terminal.js';

export interface ImportFlags {
  format: string;
  locale: string;
  config?: string;
  pack?: string[];
  template?: string[];
  verbose?: boolean;
}

/**
 * `jixiao import <file>`: read a submission (.docx, Word-extracted text, JSON, YAML) and print the canonical
 * evaluation. `--format text` (default): the evaluation as JSON on stdout, diagnostics on stderr, so
 * `jixiao import form.docx > form.json` gives a file `jixiao check` reads. `--format json`: one JSON document
 * with the kind, the evaluation, the diagnostics and the source positions. Exit 3 when the file is not the form or a
 * value of it could not be read (an error-level diagnostic).
 */
export function registerImport(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('import')
    .description('读取自评表（.docx、文本、JSON、YAML）并输出规范模型 / read a submission and print the canonical evaluation')
    .argument('<file>', '自评表文件 / submission file')
    .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('-l, --locale <locale>', '提示语言 / message language').choices([...LOCALES]).default('zh-CN'))
    .option('-c, --config <file>', 'jixiao.config.json（其中的 templates 与规则包携带的模板） / jixiao.config.json (its templates, and those its packs carry)')
    .option('-p, --pack <pack...>', '规则包：只用其携带的表单模板 / rule packs: only the form templates they carry are used')
    .option('-t, --template <template...>', TEMPLATE_OPTION_HELP)
    .option('--verbose', '诊断信息在字段名旁另列模型路径 / diagnostics give each field’s model path beside its label')
    .action(async (file: string, flags: ImportFlags) => {
      setExit(await runImport(file, flags, io));
    });
}

/** The evaluation with each inferred answer's note worded in `locale` (core's `localizeAnswerNote`; recorded in zh-CN). */
function notesIn(evaluation: Evaluation, locale: Locale): Evaluation {
  const resolution = evaluation.answerResolution;
  if (locale === 'zh-CN' || resolution === undefined) return evaluation;
  return { ...evaluation, answerResolution: Object.fromEntries(Object.entries(resolution).map(([field, r]) => [field, r.note === undefined ? r : { ...r, note: localizeAnswerNote(r.note, locale) }])) };
}

export async function runImport(file: string, flags: ImportFlags, io: CliIo): Promise<number> {
  if (!isLocale(flags.locale)) throw new CliError(`unknown locale ${flags.locale}`);
  const locale: Locale = flags.locale;
  const templates = loadTemplateSelection({ templates: flags.template, packs: flags.pack, configFile: flags.config, cwd: io.cwd });
  // The file is named as given, and read where the command runs.
  const read = await importFile(resolve(io.cwd, file), locale, templates);
  if (!read.ok) throw new CliError(`${file}: ${read.reason}`, EXIT.unreadable);
  const { result } = read;
  const wording = { verbose: flags.verbose === true };
  // A value that could not be read stays blank in the evaluation: the import is incomplete (exit 3), as in `check`.
  const readFully = result.ok && !result.diagnostics.some((d) => d.severity === 'error');
  if (flags.format === 'json') {
    const template = result.template === undefined ? {} : { template: result.template };
    const doc = result.ok
      ? { source: file, kind: result.kind, ok: true, ...template, evaluation: notesIn(result.evaluation, locale), diagnostics: result.diagnostics, positions: result.positions, ...(result.provenance === undefined ? {} : { provenance: result.provenance }) }
      : { source: file, kind: result.kind, ok: false, ...template, diagnostics: result.diagnostics };
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
    const first = result.diagnostics[0];
    if (!result.ok && first !== undefined) io.stderr(`jixiao: ${terminalText(file)}: ${terminalText(first.path === undefined ? first.message[locale] : formatDiagnostic(first, locale, wording))}\n`);
    return readFully ? EXIT.ok : EXIT.unreadable;
  }
  if (!result.ok) {
    for (const d of result.diagnostics) io.stderr(`jixiao: ${terminalText(file)}: ${terminalText(d.path === undefined ? d.message[locale] : formatDiagnostic(d, locale, wording))}\n`);
    return EXIT.unreadable;
  }
  io.stdout(`${JSON.stringify(notesIn(result.evaluation, locale), null, 2)}\n`);
  if (result.template !== undefined) {
    const { id, score } = result.template;
    io.stderr(`${terminalText(file)}: ${locale === 'zh-CN' ? `按模板 ${id} 读取（识别得分 ${String(score)}）` : `read with template ${id} (detection score ${String(score)})`}\n`);
  }
  for (const d of result.diagnostics) io.stderr(`${terminalText(file)}: ${terminalText(formatDiagnostic(d, locale, wording))}\n`);
  return readFully ? EXIT.ok : EXIT.unreadable;
}
