import { ConfigSchema, explainConfigIssue, parseStrictJson, type Config } from '@jixiao/core';
import { readTextFileBounded } from '@jixiao/core/node';
import { CliError } from './io.js';

/**
 * `jixiao.config.json`, read for the CLI: a regular file under the cap, strict JSON, then the config schema. Every
 * problem is said in zh-CN and English, with what would be accepted: a JSON syntax error with its line and column,
 * a wrong value with the allowed ones, an unknown key with the known keys, a wrong type with the expected type.
 */
export function loadConfig(file: string, shown: string): Config {
  const read = readTextFileBounded(file);
  if (!read.ok) throw configError(shown, [`${read.reason['zh-CN']} / ${read.reason.en}`]);
  const parsed = parseStrictJson(read.text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.issue;
    const at = line === undefined ? shown : `${shown}:${String(line)}${column === undefined ? '' : `:${String(column)}`}`;
    throw configError(shown, [`${at}: ${message['zh-CN']} / ${message.en}`]);
  }
  const checked = ConfigSchema.safeParse(parsed.value);
  if (checked.success) return checked.data;
  throw configError(
    shown,
    checked.error.issues.map((issue) => {
      const path = issue.path.map(String);
      const text = explainConfigIssue(issue, parsed.value);
      return `${path.length === 0 ? '(根) / (root)' : path.join('.')}: ${text['zh-CN']} / ${text.en}`;
    }),
  );
}

const configError = (shown: string, lines: readonly string[]) => new CliError(`配置无效 ${shown} / invalid configuration ${shown}:\n${lines.map((l) => `  ${l}`).join('\n')}`);
