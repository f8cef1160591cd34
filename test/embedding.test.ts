// Runs the embedding snippet of packages/core/README.md as written, so the documentation cannot rot.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { expect, it } from 'vitest';
import * as core from '@jixiao/core';
import * as coreNode from '@jixiao/core/node';

const root = new URL('..', import.meta.url);
const readme = readFileSync(new URL('packages/core/README.md', root), 'utf8');
const seedJson = readFileSync(new URL('examples/beita-justice-2020/evaluation.json', root), 'utf8');

it('the README embedding snippet loads packs, checks the seed and reads findings', async () => {
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block, 'README has a ts code block').toBeDefined();
  // Imports become parameters; everything else runs as written.
  const body = (block ?? '').replace(/^import .*$/gm, '');
  const js = ts.transpileModule(body, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  const printed: string[] = [];
  const fakeConsole = { log: (...args: unknown[]) => printed.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')) };
  const AsyncFunction = (Object.getPrototypeOf(async () => {
    await Promise.resolve();
  }) as { constructor: new (...args: string[]) => (...a: unknown[]) => Promise<void> }).constructor;
  const run = new AsyncFunction('createChecker', 'parseEvaluation', 'loadPack', 'submittedJson', 'console', js);
  await run(core.createChecker, core.parseEvaluation, coreNode.loadPack, seedJson, fakeConsole);
  // The seed's income total (264.47) differs from its parts (267.47): the one error-level failure of these packs.
  expect(printed).toContain('integrity/income-total error 收入合计 264.47 万元与各项之和 267.47 万元不符（合计 − 各项之和 = -3.00 万元）');
  expect(printed.at(-1)).toContain('在职人员控制率 95.45%');
});
