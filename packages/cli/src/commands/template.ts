import { Option, type Command } from 'commander';
import { LOCALES, type Locale } from '@jixiao/core';
import type { CliIo } from '../io.js';

/** `--template` of check, import and serve. */
export const TEMPLATE_OPTION_HELP =
  '表单模板：模板文件、文件夹或包（与自带模板一起识别，优先），或模板 id（只用所列的自带模板）；规则包也可携带模板 / form templates: a template file, folder or package (recognised before the shipped ones), or a template id (only the shipped templates named); a pack may carry templates too';

/** The template kit (template-kit.ts) loads when a `template` command runs, not when the CLI starts. */
const kit = () => import('./template-kit.js');

/** Register `jixiao template …`: write, validate and test a form template without code. */
export function registerTemplate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const template = program.command('template').description('表单模板编写工具 / form template authoring kit (init, validate, test)');

  template
    .command('init')
    .description('新建一个表单模板（YAML）与示例用例 / scaffold a form template (YAML) with an example case')
    .argument('<dir>', '模板目录 / template folder')
    .option('--id <id>', '模板 id（小写字母、数字、连字符） / template id')
    .action(async (dir: string, flags: { id?: string }) => {
      setExit((await kit()).templateInit(dir, flags, io));
    });

  template
    .command('validate')
    .description('检查模板文件：JSON Schema、字段路径、正则（含灾难性回溯），报告文件与行号 / check template files: schema, field paths, patterns (incl. catastrophic backtracking), with file and line')
    .argument('<paths...>', '模板文件或目录（相对于当前目录） / template files or folders (relative to where the command runs)')
    .addOption(new Option('-l, --locale <locale>', '提示语言 / message language').choices([...LOCALES]).default('zh-CN'))
    .action(async (paths: string[], flags: { locale: Locale }) => {
      setExit((await kit()).templateValidate(paths, io, flags.locale));
    });

  template
    .command('test')
    .description('用模板读取 cases/ 中的文档，对照期望字段 / read the documents in cases/ with the template and compare the expected fields')
    .argument('<dir>', '模板目录（含 cases/） / template folder (with cases/)')
    .addOption(new Option('-l, --locale <locale>', '提示语言 / message language').choices([...LOCALES]).default('zh-CN'))
    .action(async (dir: string, flags: { locale: Locale }) => {
      setExit(await (await kit()).templateTest(dir, io, flags.locale));
    });
}
