import { resolve } from 'node:path';
import { applyWaivers, parseWaiverFile, waiverRefs, type EvaluationResult, type Locale, type WaiverRef } from '@jixiao/core';
import { readTextFileBounded } from '@jixiao/core/node';
import { CliError, type CliIo } from './io.js';
import { terminalText } from './terminal.js';

/** Today's local calendar date (YYYY-MM-DD): the default `--today` of waiver expiry. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Read and validate a waiver file; its problems in `locale`, or in zh-CN and English when no locale is given (the
 * server's start-up, before any request chose one).
 */
function readWaivers(file: string, cwd: string, locale?: Locale): WaiverRef[] {
  const read = readTextFileBounded(resolve(cwd, file));
  if (!read.ok) throw new CliError(`无法读取豁免文件 ${file}：${read.reason['zh-CN']} / cannot read the waiver file ${file}: ${read.reason.en}`);
  const parsed = parseWaiverFile(read.text, file);
  if (!parsed.ok) {
    const lines = parsed.issues.map((i) => `  ${i.file}${i.line === undefined ? '' : `:${String(i.line)}`}${i.path ? ` ${i.path}` : ''}: ${locale === undefined ? `${i.message['zh-CN']} / ${i.message.en}` : i.message[locale]}`);
    const title = locale === undefined ? `豁免文件无效 ${file} / invalid waiver file ${file}` : `${locale === 'zh-CN' ? '豁免文件无效' : 'invalid waiver file'} ${file}`;
    throw new CliError(`${title}:\n${lines.join('\n')}`);
  }
  return waiverRefs(parsed.value, file);
}

/** `jixiao serve --waivers <file>`: the file read now, applied to each request's results as of that day. */
export function waiverApplier(file: string, cwd: string): (results: readonly EvaluationResult[], locale: Locale) => EvaluationResult[] {
  const refs = readWaivers(file, cwd);
  return (results, locale) => applyWaivers(results, refs, { today: localToday(), locale }).results;
}

/**
 * Read and validate a waiver file before anything is checked: a file that cannot be read or parsed, or a waiver
 * for a rule no selected pack has (a typo would otherwise waive nothing, in silence), is a usage error (exit 2).
 */
export function readWaiverFile(file: string, locale: Locale, io: CliIo, ruleIds: ReadonlySet<string>): WaiverRef[] {
  const refs = readWaivers(file, io.cwd, locale);
  const unknown = refs.filter((r) => !ruleIds.has(r.waiver.rule));
  if (unknown.length > 0) {
    const lines = unknown.map((r) => `  ${file} waivers[${String(r.index)}].rule: ${terminalText(r.waiver.rule)}`);
    throw new CliError(`${locale === 'zh-CN' ? '豁免文件中的规则未加载（规则编号拼写有误，或未选其规则包）' : 'the waiver file names rules that are not loaded (a misspelt rule id, or its pack is not selected)'} ${file}:\n${lines.join('\n')}`);
  }
  return refs;
}

/**
 * `jixiao check --waivers <file>`: read the waiver file, apply it to the results (waived failures counted
 * apart, expired waivers become warnings) and print the waiver report — applied, expired, unused — to stderr.
 */
export function applyWaiverFile(results: readonly EvaluationResult[], waivers: { readonly file: string; readonly refs: readonly WaiverRef[] }, today: string | undefined, locale: Locale, io: CliIo): EvaluationResult[] {
  const { file, refs } = waivers;
  const date = today ?? localToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new CliError(`--today 应为 YYYY-MM-DD / --today must be YYYY-MM-DD (got ${date})`);
  const { results: out, report } = applyWaivers(results, refs, { today: date, locale });
  const zh = locale === 'zh-CN';
  const lines: string[] = [];
  const name = (w: { waiver: { rule: string; unit: string; year?: number | undefined } }) => terminalText(`${w.waiver.rule} @ ${w.waiver.unit}${w.waiver.year === undefined ? '' : ` ${String(w.waiver.year)}`}`);
  const t = terminalText;
  for (const a of report.applied) {
    lines.push(zh ? `  已豁免 ${String(a.count)} 项：${name(a)}（${t(a.waiver.reason)}；批准人 ${t(a.waiver.approver)}；有效至 ${a.waiver.expires}）` : `  waived ${String(a.count)}: ${name(a)} (${t(a.waiver.reason)}; approved by ${t(a.waiver.approver)}; valid until ${a.waiver.expires})`);
  }
  for (const e of report.expired) lines.push(zh ? `  警告：豁免已过期（${e.waiver.expires}）：${name(e)}` : `  warning: waiver expired on ${e.waiver.expires}: ${name(e)}`);
  for (const u of report.unused) lines.push(zh ? `  未使用的豁免：${name(u)} — ${t(u.why['zh-CN'])}` : `  unused waiver: ${name(u)} — ${t(u.why.en)}`);
  const waived = out.reduce((n, r) => n + r.summary.waived, 0);
  io.stderr(`${zh ? `豁免（${t(file)}，以 ${date} 计）：已豁免 ${String(waived)} 项` : `Waivers (${t(file)}, as of ${date}): ${String(waived)} finding(s) waived`}\n${lines.join('\n')}${lines.length > 0 ? '\n' : ''}`);
  return out;
}
