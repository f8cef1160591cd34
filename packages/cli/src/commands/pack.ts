import { Option, type Command } from 'commander';
import { LOCALES } from '@jixiao/core';
import type { CliIo } from '../io.js';
import { terminalIo } from '../terminal.js';
import type { PackFlags } from './pack-kit.js';

/** The authoring kit itself (pack-kit.ts) loads when a `pack` command runs, not when the CLI starts. */
const kit = () => import('./pack-kit.js');

/** Register `jixiao pack …`. */
export function registerPack(program: Command, outside: CliIo, setExit: (code: number) => void): void {
  // Everything the kit prints is text (case names, messages and paths from the pack's files): shown, never obeyed.
  const io = terminalIo(outside, { stdout: true });
  const pack = program.command('pack').description('规则包编写工具 / rule pack authoring kit (init, validate, test, docs)');
  const localeOption = () => new Option('-l, --locale <locale>', '输出语言 / output language').choices([...LOCALES]).default('zh-CN');

  pack
    .command('init')
    .description('新建一个纯数据规则包 / scaffold a data-only pack (manifest, example rule, case file, docs)')
    .argument('<dir>', '规则包目录 / pack folder')
    .option('-n, --name <name>', '规则包名称（kebab-case） / pack name (kebab-case)')
    .action(async (dir: string, flags: { name?: string }) => {
      setExit((await kit()).packInit(dir, flags, io));
    });

  pack
    .command('validate')
    .description('对照 JSON Schema 与评价模型检查规则文件和用例文件 / lint rule and case files against the schema and the evaluation model')
    .argument('<dir>', '规则包目录 / pack folder')
    .addOption(localeOption())
    .option('--context <pack...>', '一同加载的其他规则包 / other packs loaded together (their parameters may be read)')
    .action(async (dir: string, flags: PackFlags & { context?: string[] }) => {
      setExit((await kit()).packValidate(dir, flags, io));
    });

  pack
    .command('test')
    .description('运行规则包的用例文件并报告规则覆盖 / run the pack case files and report rule coverage')
    .argument('<dir>', '规则包目录 / pack folder')
    .addOption(localeOption())
    .action(async (dir: string, flags: PackFlags) => {
      setExit(await (await kit()).packTest(dir, flags, io));
    });

  pack
    .command('facts')
    .description('列出规则条件可读取的全部事实路径，及其类型与含义 / list every fact path a rule condition can read, with its type and meaning')
    .argument('[dir]', '规则包目录：其参数一并列出 / pack folder: its parameters are listed too')
    .addOption(localeOption())
    .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['text', 'json']).default('text'))
    .action(async (dir: string | undefined, flags: PackFlags & { format: string }) => {
      setExit((await kit()).packFacts(dir, flags, io));
    });

  pack
    .command('docs')
    .description('由规则元数据生成规则包文档 / generate the pack rule docs from rule metadata')
    .argument('<dir>', '规则包目录 / pack folder')
    .addOption(localeOption())
    .option('--check', '只检查 docs/ 是否最新，不写入 / only check that docs/ is up to date')
    .action(async (dir: string, flags: PackFlags & { check?: boolean }) => {
      setExit((await kit()).packDocsCommand(dir, flags, io));
    });
}
