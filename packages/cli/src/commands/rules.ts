import { Option, type Command } from 'commander';
import { WORDS, rulesListing } from '@jixiao/adapters';
import { LOCALES, SEVERITIES, type CompiledRule, type Locale, type ResolvedParameter } from '@jixiao/core';
import type { CliIo } from '../io.js';
import { loadChecker } from '../packs.js';
import { terminalText } from '../terminal.js';
import { collectList, ruleFilter, type FilterFlags } from './filters.js';

interface RulesFlags extends FilterFlags {
  locale: Locale;
  format: 'text' | 'json';
  config?: string;
  pack?: string[];
}

/**
 * `jixiao rules`: the rules that `check` would run with the same packs, config and filters — id, severity in force
 * (with the pack's default when the config changed it), red flag, title, and each parameter with the value in force.
 */
export function registerRules(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('rules')
    .description('列出生效的规则（严重程度与参数） / list the active rules with their severity and parameters')
    .option('-c, --config <file>', 'jixiao.config.json')
    .option('-p, --pack <pack...>', '规则包（名称、包名或目录），默认 standard / rule packs (name, package or folder)')
    .option('--rule <id>', '只列出这些规则（规则 id、规则包名或通配符如 integrity/*；可重复或以逗号分隔） / only these rules (rule id, pack name or glob such as integrity/*; repeatable or comma-separated)', collectList, [])
    .option('--severity <level>', `只列出这些严重程度的规则（${SEVERITIES.join('、')}；可重复或以逗号分隔） / only rules of these severities (${SEVERITIES.join(', ')}; repeatable or comma-separated)`, collectList, [])
    .addOption(new Option('-l, --locale <locale>', '语言 / language').choices([...LOCALES]).default('zh-CN'))
    .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['text', 'json']).default('text'))
    .action((flags: RulesFlags) => {
      const { checker } = loadChecker({ packs: flags.pack, configFile: flags.config, cwd: io.cwd, only: ruleFilter(flags) });
      io.stdout(flags.format === 'json' ? `${JSON.stringify(rulesJson(checker.rules, checker.parameters), null, 2)}\n` : rulesText(checker.rules, checker.parameters, flags.locale));
      setExit(0);
    });
}

/** The listing of `GET /v1/rules`, each parameter with its values in force (and whether the config set them). */
export function rulesJson(rules: readonly CompiledRule[], parameters: ReadonlyMap<string, ResolvedParameter>) {
  return rulesListing(rules).map((r) => ({
    ...r,
    parameters: r.parameters.map((p) => {
      const resolved = parameters.get(`${r.pack.name}.${p.name}`);
      return { ...p, values: resolved?.values ?? [], overridden: resolved?.overridden ?? false };
    }),
  }));
}

/** One line per rule, its parameters indented below it; a count by severity at the end. */
export function rulesText(rules: readonly CompiledRule[], parameters: ReadonlyMap<string, ResolvedParameter>, locale: Locale): string {
  const w = WORDS[locale];
  const zh = locale === 'zh-CN';
  const width = Math.max(0, ...rules.map((r) => r.rule.id.length));
  const lines: string[] = [];
  for (const { rule, pack, severity } of rules) {
    const changed = severity === rule.severity ? '' : zh ? `（默认${w[rule.severity]}）` : ` (default ${w[rule.severity]})`;
    const flag = rule.redFlag === true ? (zh ? ' [红旗]' : ' [red flag]') : '';
    lines.push(`${rule.id.padEnd(width)}  ${w[severity]}${changed}${flag}  ${terminalText(rule.title[locale])}`);
    for (const p of rule.parameters ?? []) {
      const resolved = parameters.get(`${pack.name}.${p.name}`);
      const inForce = resolved?.values ?? p.values;
      const values = inForce.map((v) => {
        const value = `${v.value === null ? (zh ? '（未设）' : '(not set)') : String(v.value)}${p.unit === undefined || v.value === null ? '' : ` ${p.unit}`}`;
        const span = inForce.length === 1 && v.until === undefined ? '' : zh ? `（${v.from} 起${v.until === undefined ? '' : `，至 ${v.until}`}）` : ` (from ${v.from}${v.until === undefined ? '' : ` until ${v.until}`})`;
        return `${value}${span}`;
      });
      const set = resolved?.overridden === true ? (zh ? '（配置设定）' : ' (set by config)') : '';
      lines.push(`    ${zh ? '参数' : 'parameter'} ${pack.name}.${p.name}  ${terminalText(p.title[locale])} = ${values.join(zh ? '；' : '; ')}${set}`);
    }
  }
  const count = (s: string) => rules.filter((r) => r.severity === s).length;
  lines.push(
    zh
      ? `共 ${String(rules.length)} 条规则：${w.errors} ${String(count('error'))}，${w.warnings} ${String(count('warning'))}，${w.infos} ${String(count('info'))}`
      : `${String(rules.length)} rules: ${w.errors} ${String(count('error'))}, ${w.warnings} ${String(count('warning'))}, ${w.infos} ${String(count('info'))}`,
  );
  return `${lines.join('\n')}\n`;
}
