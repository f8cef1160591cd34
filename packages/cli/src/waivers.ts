import { resolve } from 'node:path';
import { parseWaiverFile, waiverRefs, waiverReport, type CheckWaivers, type EvaluationResult, type Locale, type WaiverRef } from '@jixiao/core';
import { readTextFileBounded } from '@jixiao/core/node';
import { CliError, type CliIo } from './io.js';
import { terminalText } from './terminal.js';

/** Today's local calendar date (YYYY-MM-DD): the default `--today` of waiver expiry. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Read and validate a waiver file before anything is checked: a file that cannot be read or parsed, or a waiver
 * for a rule that is not loaded (`rules`: a typo would otherwise waive nothing, in silence), is a usage error
 * (exit 2) with file, line and path. Its problems in `locale`, or in zh-CN and English when no locale is given
 * (the server's start-up, before any request chose one).
 */
export function readWaiverFile(file: string, cwd: string, rules: Iterable<string>, locale?: Locale): WaiverRef[] {
  const read = readTextFileBounded(resolve(cwd, file));
  if (!read.ok) throw new CliError(`无法读取豁免文件 ${file}：${read.reason['zh-CN']} / cannot read the waiver file ${file}: ${read.reason.en}`);
  const parsed = parseWaiverFile(read.text, file, { rules });
  if (!parsed.ok) {
    // `file:line:column` as far as known (a YAML syntax error names both).
    const lines = parsed.issues.map((i) => `  ${i.file}${i.line === undefined ? '' : `:${String(i.line)}${i.column === undefined ? '' : `:${String(i.column)}`}`}${i.path ? ` ${i.path}` : ''}: ${terminalText(locale === undefined ? `${i.message['zh-CN']} / ${i.message.en}` : i.message[locale])}`);
    const title = locale === undefined ? `豁免文件无效 ${file} / invalid waiver file ${file}` : `${locale === 'zh-CN' ? '豁免文件无效' : 'invalid waiver file'} ${file}`;
    throw new CliError(`${title}:\n${lines.join('\n')}`);
  }
  return waiverRefs(parsed.value, file);
}

/** `jixiao serve --waivers <file>`: the file read now (its rules must be loaded), in force as of each request's day. */
export function serveWaivers(file: string, cwd: string, rules: Iterable<string>): () => CheckWaivers {
  const refs = readWaiverFile(file, cwd, rules);
  return () => ({ refs, today: localToday() });
}

/**
 * `jixiao check --waivers <file>`: the waiver report — applied, expired, unused — of results checked with the
 * waivers, on stderr.
 */
export function printWaiverReport(results: readonly EvaluationResult[], waivers: { readonly file: string } & CheckWaivers, locale: Locale, io: CliIo): void {
  const { file, refs, today } = waivers;
  const report = waiverReport(results, refs, today);
  const zh = locale === 'zh-CN';
  const lines: string[] = [];
  const name = (w: { waiver: { rule: string; unit: string; year?: number | undefined } }) => terminalText(`${w.waiver.rule} @ ${w.waiver.unit}${w.waiver.year === undefined ? '' : ` ${String(w.waiver.year)}`}`);
  const t = terminalText;
  for (const a of report.applied) {
    lines.push(zh ? `  已豁免 ${String(a.count)} 项：${name(a)}（${t(a.waiver.reason)}；批准人 ${t(a.waiver.approver)}；有效至 ${a.waiver.expires}）` : `  waived ${String(a.count)}: ${name(a)} (${t(a.waiver.reason)}; approved by ${t(a.waiver.approver)}; valid until ${a.waiver.expires})`);
  }
  for (const e of report.expired) lines.push(zh ? `  警告：豁免已过期（${e.waiver.expires}）：${name(e)}` : `  warning: waiver expired on ${e.waiver.expires}: ${name(e)}`);
  for (const u of report.unused) lines.push(zh ? `  未使用的豁免：${name(u)} — ${t(u.why['zh-CN'])}` : `  unused waiver: ${name(u)} — ${t(u.why.en)}`);
  const waived = results.reduce((n, r) => n + r.summary.waived, 0);
  io.stderr(`${zh ? `豁免（${t(file)}，以 ${today} 计）：已豁免 ${String(waived)} 项` : `Waivers (${t(file)}, as of ${today}): ${String(waived)} finding(s) waived`}\n${lines.join('\n')}${lines.length > 0 ? '\n' : ''}`);
}
