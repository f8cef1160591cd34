// Issue 15 (CLI conventions; Chinese first): commander's usage errors are printed in Chinese first, with its English
// sentence after — produced here by the real CLI with real wrong arguments, so a commander that changes its wording
// fails the table rather than passing it in silence.
import { describe, expect, it } from 'vitest';
import { execute } from './execute.js';
import type { CliIo } from './io.js';
import { bilingualUsageError } from './usage-errors.js';

async function jixiao(args: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const io: CliIo = { stdout: () => undefined, stderr: (c) => err.push(c), cwd: process.cwd(), env: {}, stdoutIsTTY: false };
  const code = await execute(args, io);
  return { code, err: err.join('') };
}

describe('a usage error', () => {
  it.each([
    { args: ['check', '--bogus'], chinese: '错误：未知选项 --bogus / error: unknown option \'--bogus\'' },
    { args: ['check', '--forma', 'json'], chinese: '错误：未知选项 --forma（是否想用 --format？） / error: unknown option \'--forma\'' },
    { args: ['chek'], chinese: '错误：未知命令 chek（是否想用 check？） / error: unknown command \'chek\'' },
    {
      args: ['check', 'x.txt', '--format', 'md'],
      chinese: '错误：选项 -f, --format <format> 的值 md 无效，可选：text、json、sarif、junit、csv、xlsx、markdown、html / error: option \'-f, --format <format>\' argument \'md\' is invalid.',
    },
    { args: ['check', 'x.txt', '--locale'], chinese: '错误：选项 -l, --locale <locale> 缺少取值 / error: option \'-l, --locale <locale>\' argument missing' },
    { args: ['pack', 'validate'], chinese: '错误：缺少必需的参数 dir / error: missing required argument \'dir\'' },
    { args: ['rules', 'extra'], chinese: '错误：命令 rules 的参数过多：应为 0 个，实为 1 个 / error: too many arguments for \'rules\'. Expected 0 arguments but got 1.' },
  ])('jixiao $args: $chinese', async ({ args, chinese }) => {
    const { code, err } = await jixiao(args);
    expect(code).toBe(2);
    expect(err.startsWith(chinese)).toBe(true);
    // The usage follows, as before.
    expect(err).toMatch(/Usage: jixiao/);
  });

  it('of a wording it does not know is printed as commander wrote it, never dropped', () => {
    expect(bilingualUsageError('error: something new happened\n')).toBe('error: something new happened\n');
    expect(bilingualUsageError('not an error line')).toBe('not an error line');
  });
});
