import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, normalize, relative, resolve, sep } from 'node:path';
import type { Locale } from '@jixiao/core';

/** Extensions a folder walk hands to the importer; any other file found in a folder is listed as unsupported. */
export const SUPPORTED_EXTENSIONS: readonly string[] = ['.json', '.yaml', '.yml', '.txt', '.docx', '.xlsx', '.xlsm', '.doc', '.wps', '.odt', '.rtf', '.xls', '.et', '.ods', '.pdf'];

/** A path the batch will not check, and why (never dropped silently). */
export interface SkippedInput {
  readonly source: string;
  readonly reason: string;
}

/** A file to check: how reports name it (as the user wrote it, `/`-separated) and where it is. */
export interface InputFile {
  readonly source: string;
  readonly path: string;
}

/**
 * Why a path was left out on purpose (not an unreadable input): a hidden file or folder (`.git`, `.DS_Store`,
 * LibreOffice's `.~lock.x.docx#`), an Office lock file (`~$x.docx`, left by Word and WPS while a form is open), or
 * an `--ignore` pattern.
 */
export type IgnoreReason = 'hidden' | 'lock-file' | 'pattern';

export interface IgnoredInput {
  readonly source: string;
  readonly why: IgnoreReason;
}

/** What `jixiao check <dir|glob|files...>` will read: files sorted by source, every path it will not, and what it left out. */
export interface CollectedInputs {
  readonly files: readonly InputFile[];
  readonly skipped: readonly SkippedInput[];
  readonly ignored: readonly IgnoredInput[];
}

/**
 * The test of `--ignore` patterns: a pattern without `/` matches a file or folder name at any depth (`drafts`,
 * `*.pdf`, `~$*`); one with `/` matches the path from the working directory (`forms/drafts/**`).
 */
export function ignoreMatcher(patterns: readonly string[]): (relPath: string) => boolean {
  const byName = patterns.filter((p) => !p.includes('/')).map(globMatcher);
  const byPath = patterns.filter((p) => p.includes('/')).map((p) => globMatcher(p.replace(/^\.\//, '').replace(/\/$/, '')));
  return (relPath) => {
    const name = relPath.slice(relPath.lastIndexOf('/') + 1);
    return byName.some((m) => m(name)) || byPath.some((m) => m(relPath));
  };
}

/** Left out of a folder or glob walk by default: hidden names and Office lock files (a file named as an argument is read). */
function defaultIgnore(name: string): IgnoreReason | undefined {
  if (name.startsWith('.')) return 'hidden';
  if (name.startsWith('~$')) return 'lock-file';
  return undefined;
}

/** Upper bound on the files one run collects (a guard against walking a whole disk by mistake). */
export const MAX_COLLECTED_FILES = 1_000_000;

const GLOB_CHARS = /[*?[]/;

const say = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);

/** Display form of a path: as the user wrote it (normalised), with `/` separators so reports match across OSes. */
const display = (p: string) => normalize(p).split(sep).join('/');

/** Compare paths by UTF-16 code units: a fixed order independent of locale and of the order arguments came in. */
export const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function hasSupportedExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return SUPPORTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** One piece of a glob's path segment: `*`, or one character that must pass a test (`?`, `[…]`, a literal). */
type GlobToken = { readonly star: true } | { readonly star: false; readonly test: (c: string) => boolean };

/** A `[…]` body (`a-z`, `!abc` or `^abc` negated) as a test of one character. */
function charClass(body: string): (c: string) => boolean {
  const negated = body.startsWith('!') || body.startsWith('^');
  const chars = Array.from(negated ? body.slice(1) : body);
  const ranges: [string, string][] = [];
  for (let i = 0; i < chars.length; i++) {
    const from = chars[i] ?? '';
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      ranges.push([from, chars[i + 2] ?? '']);
      i += 2;
    } else ranges.push([from, from]);
  }
  return (c) => ranges.some(([lo, hi]) => c >= lo && c <= hi) !== negated;
}

function globTokens(segment: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  const chars = Array.from(segment);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (c === '*') {
      if (tokens.at(-1)?.star !== true) tokens.push({ star: true }); // `**` inside a name is `*`
    } else if (c === '?') tokens.push({ star: false, test: () => true });
    else if (c === '[' && chars.includes(']', i + 2)) {
      const end = chars.indexOf(']', i + 2);
      tokens.push({ star: false, test: charClass(chars.slice(i + 1, end).join('')) });
      i = end;
    } else tokens.push({ star: false, test: (x) => x === c });
  }
  return tokens;
}

/**
 * Whether a file or folder name matches a segment's tokens. Greedy, going back only to the last `*`: at most
 * (tokens × characters) steps, whatever the pattern (a regular expression of `*a*a*a*a*b` backtracks exponentially).
 */
function matchName(tokens: readonly GlobToken[], name: string): boolean {
  const chars = Array.from(name);
  let t = 0;
  let n = 0;
  let starT = -1;
  let starN = 0;
  while (n < chars.length) {
    const token = tokens[t];
    if (token?.star === false && token.test(chars[n] ?? '')) {
      t++;
      n++;
    } else if (token?.star === true) {
      starT = t++;
      starN = n;
    } else if (starT !== -1) {
      t = starT + 1;
      n = ++starN;
    } else return false;
  }
  while (tokens[t]?.star === true) t++;
  return t === tokens.length;
}

/**
 * A glob (`*`, `**`, `?`, `[…]`) as a test of `/`-separated relative paths. `**` as a whole segment matches zero or
 * more folders (at the end: everything below); repeated ones count as one. Matching is bounded — each (pattern segment, path segment) pair is
 * decided once — so no pattern can take seconds: `**` ten times as a regular expression took 21 s on a small tree.
 */
export function globMatcher(glob: string): (path: string) => boolean {
  const segments = glob.split('/').filter((s, i, all) => !(s === '**' && all[i - 1] === '**'));
  const compiled = segments.map((s) => (s === '**' ? undefined : globTokens(s)));
  return (path) => {
    const parts = path.split('/');
    const memo = new Map<number, boolean>();
    const match = (p: number, s: number): boolean => {
      if (p === compiled.length) return s === parts.length;
      const key = p * (parts.length + 1) + s;
      const known = memo.get(key);
      if (known !== undefined) return known;
      const tokens = compiled[p];
      const result =
        tokens === undefined
          ? p === compiled.length - 1
            ? s < parts.length // a trailing `**` matches everything below, at least one name
            : match(p + 1, s) || (s < parts.length && match(p, s + 1))
          : s < parts.length && matchName(tokens, parts[s] ?? '') && match(p + 1, s + 1);
      memo.set(key, result);
      return result;
    };
    return match(0, 0);
  };
}

/**
 * Expand the command line's paths: folders are walked (recursively, in sorted order; symbolic links to folders
 * are not followed, to avoid loops), globs are matched below their fixed prefix, files are taken as given.
 * Every path that is not checked is returned with its reason. Duplicates (the same file reached twice) are
 * checked once.
 */
export function collectInputs(args: readonly string[], cwd: string, locale: Locale, ignore: readonly string[] = []): CollectedInputs {
  const files = new Map<string, InputFile>(); // real path → file
  const skipped = new Map<string, string>();
  const ignored = new Map<string, IgnoreReason>();
  const byPattern = ignore.length === 0 ? undefined : ignoreMatcher(ignore);
  const patternIgnores = (abs: string) => byPattern?.(relative(cwd, abs).split(sep).join('/')) === true;
  const skip = (source: string, reason: string) => {
    if (!skipped.has(source)) skipped.set(source, reason);
  };
  /** `real`: the file's real path when the caller knows it (a plain file in a folder whose real path is known). */
  const addFile = (shown: string, abs: string, knownReal?: string) => {
    let real = knownReal ?? abs;
    if (knownReal === undefined) {
      try {
        real = realpathSync(abs);
      } catch {
        // an unreadable path: the importer reports it
      }
    }
    // The same file reached twice is checked once, under the smaller of its names (independent of argument order).
    const known = files.get(real);
    if (known !== undefined) files.set(real, byPath(shown, known.source) < 0 ? { source: shown, path: abs } : known);
    else if (files.size < MAX_COLLECTED_FILES) files.set(real, { source: shown, path: abs });
  };

  const walk = (shownDir: string, absDir: string, match?: (rel: string) => boolean, relDir = '') => {
    let entries: Dirent[];
    let realDir: string | undefined;
    try {
      // File types come with the listing (no lstat per entry); the folder's real path is resolved once, so a plain
      // file's real path is that folder's plus its name (no realpath per file).
      entries = readdirSync(absDir, { withFileTypes: true }).sort((a, b) => byPath(a.name, b.name));
      realDir = realpathSync(absDir);
    } catch (error) {
      skip(display(shownDir), say(locale, `无法读取文件夹：${errorCode(error)}`, `folder unreadable: ${errorCode(error)}`));
      return;
    }
    for (const entry of entries) {
      const { name } = entry;
      const abs = join(absDir, name);
      const shown = display(join(shownDir, name));
      const rel = relDir === '' ? name : `${relDir}/${name}`;
      const left = defaultIgnore(name) ?? (patternIgnores(abs) ? 'pattern' : undefined);
      // In a glob walk, a file left out is counted only if the glob would have taken it.
      if (left !== undefined) {
        if (!match || entry.isDirectory() || match(rel)) ignored.set(shown, left);
        continue;
      }
      let kind: { isDirectory(): boolean; isFile(): boolean } = entry;
      let linked = false;
      if (entry.isSymbolicLink()) {
        let target: Stats | undefined;
        try {
          target = statSync(abs);
        } catch {
          target = undefined;
        }
        if (target === undefined) {
          if (!match || match(rel)) skip(shown, say(locale, '符号链接指向不存在的目标', 'symbolic link to nothing'));
          continue;
        }
        if (target.isDirectory()) {
          if (!match) skip(shown, say(locale, '指向文件夹的符号链接：不跟随', 'symbolic link to a folder: not followed'));
          continue;
        }
        kind = target;
        linked = true;
      }
      if (kind.isDirectory()) walk(join(shownDir, name), abs, match, rel);
      else if (match && !match(rel)) continue;
      else if (!kind.isFile()) skip(shown, say(locale, '不是普通文件', 'not a regular file'));
      else if (match || hasSupportedExtension(name)) addFile(shown, abs, linked ? undefined : join(realDir, name));
      else skip(shown, say(locale, `不支持的文件类型（支持 ${SUPPORTED_EXTENSIONS.join(' ')}）`, `unsupported file type (supported: ${SUPPORTED_EXTENSIONS.join(' ')})`));
    }
  };

  for (const arg of args) {
    const abs = resolve(cwd, arg);
    if (patternIgnores(abs)) {
      ignored.set(display(arg), 'pattern');
      continue;
    }
    let st: Stats | undefined;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory() === true) walk(arg, abs);
    else if (st === undefined && GLOB_CHARS.test(arg)) {
      // Walk from the glob's fixed prefix (the folders before the first wildcard).
      const parts = arg.split(/[\\/]/);
      const firstWild = parts.findIndex((p) => GLOB_CHARS.test(p));
      const base = parts.slice(0, firstWild).join('/');
      const matches = globMatcher(parts.slice(firstWild).join('/'));
      const before = files.size;
      walk(base === '' ? '.' : base, resolve(cwd, base === '' ? '.' : base), matches);
      if (files.size === before) skip(display(arg), say(locale, '没有匹配的文件', 'no file matches'));
    } else addFile(display(arg), abs); // a file, or a missing one: the importer says why it cannot be read
  }
  const sortedFiles = [...files.values()].sort((a, b) => byPath(a.source, b.source));
  const skippedList = [...skipped].map(([source, reason]) => ({ source, reason })).sort((a, b) => byPath(a.source, b.source));
  const ignoredList = [...ignored].map(([source, why]) => ({ source, why })).sort((a, b) => byPath(a.source, b.source));
  return { files: sortedFiles, skipped: skippedList, ignored: ignoredList };
}

function errorCode(error: unknown): string {
  return error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : String(error);
}
