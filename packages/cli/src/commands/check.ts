import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { FORMATTERS, isFormatName, type FormatName } from '@jixiao/adapters';
import { LOCALES, isLocale, type EvaluationResult, type Locale } from '@jixiao/core';
import { CliError, EXIT, type CliIo } from '../io.js';
import { loadInput } from '../input.js';
import { loadChecker } from '../packs.js';
import { VERSION } from '../version.js';

export interface CheckFlags {
  format: string;
  locale: string;
  config?: string;
  pack?: string[];
  output?: string;
  exitZero?: boolean;
}

/** `jixiao check <files...>`: check submissions against the selected packs and print a report. */
export function registerCheck(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('检查自评表 / check self-evaluation forms against rule packs')
    .argument('<files...>', '自评表文件 / submission files')
    .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(Object.keys(FORMATTERS)).default('text'))
    .addOption(new Option('-l, --locale <locale>', '报告语言 / report language').choices([...LOCALES]).default('zh-CN'))
    .option('-c, --config <file>', 'jixiao.config.json')
    .option('-p, --pack <pack...>', '规则包（名称、包名或目录），默认 standard / rule packs (name, package or folder)')
    .option('-o, --output <file>', '写入文件而非标准输出 / write the report to a file')
    .option('--exit-zero', '即使有错误级不通过也以 0 退出（演示用） / exit 0 even with error-level failures')
    .action(async (files: string[], flags: CheckFlags) => {
      setExit(await runCheck(files, flags, io));
    });
}

export async function runCheck(files: readonly string[], flags: CheckFlags, io: CliIo): Promise<number> {
  if (!isFormatName(flags.format)) throw new CliError(`unknown format ${flags.format}`);
  if (!isLocale(flags.locale)) throw new CliError(`unknown locale ${flags.locale}`);
  const locale: Locale = flags.locale;
  const format: FormatName = flags.format;
  const { checker } = loadChecker({ packs: flags.pack, configFile: flags.config, cwd: io.cwd });
  const results: EvaluationResult[] = [];
  let unreadable = 0;
  for (const file of files) {
    const input = await loadInput(file, locale);
    if (!input.ok) {
      unreadable++;
      io.stderr(`${locale === 'zh-CN' ? '无法读取' : 'unreadable'} ${input.source}:\n${input.reason}\n`);
      continue;
    }
    for (const d of input.diagnostics) io.stderr(`${input.source}: ${d}\n`);
    results.push(await checker.checkEvaluation(input.evaluation, { source: input.source, locale, ...(input.positions ? { positions: input.positions } : {}) }));
  }
  const color = flags.output === undefined && io.stdoutIsTTY && io.env.NO_COLOR === undefined;
  const report = await FORMATTERS[format](results, { locale, toolVersion: VERSION, color });
  if (flags.output === undefined) io.stdout(report);
  else writeFileSync(flags.output, report);
  if (unreadable > 0) return EXIT.usage;
  if (flags.exitZero === true) return EXIT.ok;
  return results.some((r) => r.summary.errors > 0) ? EXIT.failures : EXIT.ok;
}
