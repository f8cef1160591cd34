// Issue 14: --soffice and --convert-timeout belong to the commands that read documents (check, import, serve). In
// the help of any other command they would mean nothing, and there they are unknown options (exit 2).
import { describe, expect, it } from 'vitest';
import { execute } from '../execute.js';
import type { CliIo } from '../io.js';

async function jixiao(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (c) => out.push(typeof c === 'string' ? c : new TextDecoder().decode(c)), stderr: (c) => err.push(c), cwd: process.cwd(), env: {}, stdoutIsTTY: false };
  const code = await execute(args, io);
  return { code, out: out.join(''), err: err.join('') };
}

describe('the LibreOffice options', () => {
  it.each([['check'], ['import'], ['serve']])('are in the help of %s', async (command) => {
    const { code, out } = await jixiao([command, '--help']);
    expect(code).toBe(0);
    expect(out).toContain('--convert-timeout <seconds>');
    expect(out).toContain('--soffice <path>');
  });

  it.each([[[]], [['rules']], [['pack', 'validate']], [['pack', 'facts']], [['template', 'validate']], [['template', 'test']]])('are not in the help of jixiao %j', async (command) => {
    const { code, out } = await jixiao([...command, '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/Usage: jixiao/);
    expect(out).not.toContain('--convert-timeout');
    expect(out).not.toContain('--soffice');
  });

  it('are refused by a command that reads no document (exit 2), and checked where they mean something', async () => {
    const rules = await jixiao(['rules', '--convert-timeout', '5']);
    expect(rules.code).toBe(2);
    expect(rules.err).toMatch(/unknown option '--convert-timeout'/);
    const check = await jixiao(['check', '--convert-timeout', '0', 'x.docx']);
    expect(check.code).toBe(2);
    expect(check.err).toMatch(/from 1 to 3600/);
  });
});
