/**
 * A rule pack among the files of a folder or a zip: its `pack.json` (the one nearest the top) and the rule
 * files in the folder the manifest names (`src/rules` by default), as `jixiao pack validate` finds them.
 */
import type { TextFile } from './protocol.js';

export interface PackFiles {
  readonly manifest: TextFile;
  readonly rules: readonly TextFile[];
}

const dirOf = (name: string) => name.slice(0, name.lastIndexOf('/') + 1);

/** Resolve `./` and `..` in a relative path joined to a folder (`a/b/` + `../c` → `a/c`). */
function join(dir: string, path: string): string {
  const out: string[] = [];
  for (const part of `${dir}${path}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `${out.join('/')}/`;
}

/** The pack among `names`; `read` gives a file's text. Undefined when there is no pack.json. */
export async function findPackFiles(names: readonly string[], read: (name: string) => Promise<string>): Promise<PackFiles | undefined> {
  const manifestName = names.filter((n) => n === 'pack.json' || n.endsWith('/pack.json')).sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))[0];
  if (manifestName === undefined) return undefined;
  const manifest = { name: manifestName, text: await read(manifestName) };
  let rulesDir = 'src/rules';
  try {
    const raw = JSON.parse(manifest.text) as { rules?: unknown };
    if (typeof raw.rules === 'string') rulesDir = raw.rules;
  } catch {
    // the linter reports the bad JSON with its line
  }
  const dir = join(dirOf(manifestName), rulesDir);
  const ruleNames = names.filter((n) => n.startsWith(dir) && n.endsWith('.json') && !n.slice(dir.length).includes('/')).sort();
  const rules: TextFile[] = [];
  for (const name of ruleNames) rules.push({ name, text: await read(name) });
  return { manifest, rules };
}
