import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Writable } from 'node:stream';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { conversionSlots, type ConversionSlots } from './slots.js';

/** The Debian packages that provide a headless LibreOffice (what the missing-converter message names). */
export const LIBREOFFICE_PACKAGES = 'libreoffice-writer-nogui libreoffice-calc-nogui';

/** Default time one conversion may take, start-up included (a first start takes 2–5 s; a 100-page .doc ~10 s). */
export const DEFAULT_CONVERT_TIMEOUT_MS = 60_000;

/** Where LibreOffice is and how long it may take. */
export interface ConverterOptions {
  /** Path to `soffice` (else `$JIXIAO_SOFFICE`, else `soffice`/`libreoffice` on `PATH`, else the usual install folders). */
  readonly soffice?: string;
  /**
   * Time limit per file in milliseconds (else `$JIXIAO_CONVERT_TIMEOUT` in seconds, else
   * {@link DEFAULT_CONVERT_TIMEOUT_MS}); the process group is killed past it.
   */
  readonly timeoutMs?: number;
  /** The limit on concurrent LibreOffice processes (default: shared per thread, one per core). */
  readonly slots?: ConversionSlots;
}

/** What LibreOffice converts to: a Word or an Excel 2007+ file, read by the ordinary readers. */
export type ConversionTarget = 'docx' | 'xlsx';

const FILTERS: Readonly<Record<ConversionTarget, string>> = { docx: 'docx:MS Word 2007 XML', xlsx: 'xlsx:Calc MS Excel 2007 XML' };

/** Why a conversion did not produce a file. */
export type ConversionFailureCode = 'converter-missing' | 'converter-timeout' | 'converter-failed';

export type ConversionResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly ms: number }
  | { readonly ok: false; readonly code: ConversionFailureCode; readonly message: { readonly 'zh-CN': string; readonly en: string } };

const isExecutable = (file: string): boolean => {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Install folders searched when `soffice` is not on `PATH`. */
function installFolders(): string[] {
  const found = ['/usr/lib/libreoffice/program/soffice', '/usr/local/lib/libreoffice/program/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice', 'C:\\Program Files\\LibreOffice\\program\\soffice.exe'];
  try {
    for (const name of readdirSync('/opt').sort()) if (name.startsWith('libreoffice')) found.push(join('/opt', name, 'program/soffice'));
  } catch {
    // no /opt
  }
  return found;
}

/**
 * The `soffice` to run: the one given (which must exist), else `$JIXIAO_SOFFICE`, else `soffice` or `libreoffice`
 * on `PATH`, else the usual install folders. Undefined when there is none.
 */
export function findSoffice(given?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = given ?? env.JIXIAO_SOFFICE;
  if (explicit !== undefined && explicit !== '') return isExecutable(explicit) ? explicit : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const name of ['soffice', 'libreoffice', 'soffice.exe']) {
      const file = join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return installFolders().find(isExecutable);
}

/**
 * The converter's profile settings (registrymodifications.xcu): macros never run — security level "very high" (only
 * macros from trusted locations, of which there are none) and macro execution disabled outright — and links
 * to remote content are not followed.
 *
 * The profile also says that this LibreOffice's version has been seen before (`ooSetupLastVersion`, a version no
 * release reaches: LibreOffice only compares major × 10 + minor, asking "is the running one newer?"). A profile
 * that has not seen the running version makes LibreOffice run its graphics self-test (GraphicsRenderTests, ~60
 * drawings, the result written to the profile's GraphicsRenderTests.log) before it converts anything — and a
 * headless conversion never records the version, so every conversion's fresh profile ran it again. It was ~85 % of
 * a conversion: one small .doc → .docx with a fresh profile took 6.8–7.4 s (user + sys 6.8–7.0 s) with the
 * self-test and 0.92–1.01 s (user + sys ~0.95 s) without, same run, load average 4.0–4.6 (LibreOffice 7.4.7; see
 * bench/RESULTS.md "The converter's fresh profile"). Each file still gets a new profile of its own.
 */
export const CONVERTER_PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseSystemFileDialog" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>9999.9</value></prop></item>
</oor:items>
`;

/** Output kept of the converter's stdout/stderr, for the failure message. */
const MAX_OUTPUT = 4096;

function missing(given: string | undefined): ConversionResult {
  if (given !== undefined) {
    return {
      ok: false,
      code: 'converter-missing',
      message: { 'zh-CN': `找不到指定的 LibreOffice：${given}（不存在或不可执行）。`, en: `The LibreOffice given was not found: ${given} (missing or not executable).` },
    };
  }
  return {
    ok: false,
    code: 'converter-missing',
    message: {
      'zh-CN': `读取这种文件需要 LibreOffice，但本机没有安装。请安装（Debian/Ubuntu：apt-get install ${LIBREOFFICE_PACKAGES}），或用 --soffice <路径> 指定 soffice；也可在 Word/WPS 中另存为 .docx。`,
      en: `Reading this kind of file needs LibreOffice, which is not installed. Install it (Debian/Ubuntu: apt-get install ${LIBREOFFICE_PACKAGES}) or give its path with --soffice <path>; or save the file as .docx in Word/WPS.`,
    },
  };
}

/** The last lines LibreOffice printed, without its harmless Java warning. */
function summarise(output: string): string {
  return output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.includes('javaldx'))
    .slice(-3)
    .join(' ')
    .slice(0, 300);
}

/** Bounds of a conversion's time limit in seconds (`--convert-timeout`, `$JIXIAO_CONVERT_TIMEOUT`). */
export const MIN_CONVERT_TIMEOUT_S = 1;
export const MAX_CONVERT_TIMEOUT_S = 3600;

/** Seconds written as a number within the bounds (`90`, `2.5`), else undefined. */
export function parseConvertTimeoutSeconds(text: string): number | undefined {
  if (!/^\s*\d+(?:\.\d+)?\s*$/.test(text)) return undefined;
  const seconds = Number(text);
  return seconds >= MIN_CONVERT_TIMEOUT_S && seconds <= MAX_CONVERT_TIMEOUT_S ? seconds : undefined;
}

/**
 * The time limit of a conversion: the one given, else `$JIXIAO_CONVERT_TIMEOUT` (seconds, within the bounds; the
 * CLI's `--convert-timeout` sets it and refuses any other value), else the default.
 */
export function convertTimeoutMs(given?: number, env: NodeJS.ProcessEnv = process.env): number {
  if (given !== undefined) return given;
  const seconds = env.JIXIAO_CONVERT_TIMEOUT === undefined ? undefined : parseConvertTimeoutSeconds(env.JIXIAO_CONVERT_TIMEOUT);
  return seconds === undefined ? DEFAULT_CONVERT_TIMEOUT_MS : seconds * 1000;
}

/**
 * Convert one file with LibreOffice in headless mode: a fresh temporary profile (macros off), `--norestore`, the
 * time limit enforced by killing the whole process group, at most `slots.limit` processes at once. The input
 * is written under a neutral name (`input.<ext>`: the original name never reaches a command line); every
 * temporary file is removed whatever happens. Never throws.
 */
export async function convertWithSoffice(bytes: Uint8Array, extension: string, target: ConversionTarget, options: ConverterOptions = {}): Promise<ConversionResult> {
  const soffice = findSoffice(options.soffice);
  if (soffice === undefined) return missing(options.soffice ?? (process.env.JIXIAO_SOFFICE === '' ? undefined : process.env.JIXIAO_SOFFICE));
  const slots = options.slots ?? conversionSlots();
  return slots.run(() => runSoffice(soffice, bytes, extension, target, convertTimeoutMs(options.timeoutMs)));
}

async function runSoffice(soffice: string, bytes: Uint8Array, extension: string, target: ConversionTarget, timeoutMs: number): Promise<ConversionResult> {
  const started = performance.now();
  const { work, watchdog } = conversionFolder();
  try {
    const profile = join(work, 'profile');
    const out = join(work, 'out');
    mkdirSync(join(profile, 'user'), { recursive: true });
    mkdirSync(out);
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), CONVERTER_PROFILE_SETTINGS);
    const ext = /^[a-z0-9]{1,5}$/i.test(extension) ? extension.toLowerCase() : 'bin';
    const input = join(work, `input.${ext}`);
    writeFileSync(input, bytes);
    const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--invisible', '--nologo', '--nodefault', '--norestore', '--nolockcheck', '--convert-to', FILTERS[target], '--outdir', out, input];
    const run = await spawnWithTimeout(soffice, args, timeoutMs, { ...process.env, HOME: work, TMPDIR: work, SAL_USE_VCLPLUGIN: 'svp' }, watchdog);
    const seconds = Math.round(timeoutMs / 100) / 10;
    if (run.timedOut) {
      return {
        ok: false,
        code: 'converter-timeout',
        message: { 'zh-CN': `LibreOffice 转换超过 ${seconds} 秒仍未完成，已终止（文件可能损坏或过于复杂）。`, en: `LibreOffice did not finish the conversion within ${seconds} s and was stopped (the file may be damaged or too complex).` },
      };
    }
    const produced = join(out, `input.${target}`);
    let converted: Uint8Array | undefined;
    try {
      converted = new Uint8Array(readFileSync(produced));
    } catch {
      converted = undefined;
    }
    if (converted === undefined || converted.length === 0) {
      const said = summarise(run.output);
      const why = run.error ?? (said === '' ? `exit ${String(run.exitCode ?? run.signal)}` : said);
      return {
        ok: false,
        code: 'converter-failed',
        message: { 'zh-CN': `LibreOffice 无法转换这个文件（文件损坏、受密码保护或不是它声称的格式）：${why}`, en: `LibreOffice could not convert this file (damaged, password-protected, or not the format it claims to be): ${why}` },
      };
    }
    return { ok: true, bytes: converted, ms: performance.now() - started };
  } finally {
    stopWatchdog(watchdog);
    rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }
}

interface SpawnOutcome {
  readonly timedOut: boolean;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly output: string;
  readonly error?: string;
}

type Watchdog = ChildProcessByStdio<Writable, null, null>;

/**
 * The watchdog of a conversion (POSIX): a shell in a session of its own that waits for a pipe from this process to
 * close. A conversion's process group and folder are this process's to remove, but a process ended by a signal
 * (Ctrl-C, `kill`, SIGKILL), a batch child let go, or a worker thread stopped (`jixiao serve`'s read timeout) runs no
 * code to do it: LibreOffice went on (a hung one for ever) in its own group, and its folder, holding the form, stayed
 * in the temp directory. When the pipe closes — this process ended, however — the watchdog kills the group, then
 * removes the folder. A conversion that ends normally stops its watchdog first.
 *
 * The watchdog is started before the folder is made, and LibreOffice only once the watchdog knows its group (the
 * first line on the pipe; see {@link HELD}): started after LibreOffice, as before, a run ended between the two — seen
 * under load, the stand-in soffice of converter-signals.test.ts already running — left LibreOffice and the folder
 * with nobody to remove them. Ended before it knows a group, the watchdog only removes the folder (if made).
 */
const WATCHDOG = 'IFS= read -r group; cat >/dev/null; case "$group" in [1-9]*) kill -KILL "-$group" 2>/dev/null; sleep 1;; esac; rm -rf -- "$1"';

/**
 * LibreOffice is started held: a shell, already the leader of the conversion's process group, that becomes soffice
 * (`exec`) once it reads `go` on its standard input — sent when the watchdog has the group. Should this process end
 * before, the shell reads the end of its input and exits without starting LibreOffice.
 */
const HELD = 'IFS= read -r go && [ "$go" = go ] && exec "$0" "$@"; exit 125';

function startWatchdog(work: string): Watchdog | undefined {
  if (process.platform === 'win32') return undefined;
  try {
    const watchdog = spawn('/bin/sh', ['-c', WATCHDOG, 'jixiao-soffice-watchdog', work], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
    watchdog.on('error', () => undefined);
    watchdog.stdin.on('error', () => undefined);
    return watchdog;
  } catch {
    return undefined;
  }
}

/**
 * A new folder for a conversion (readable by this user only, like `mkdtemp`'s), with its watchdog: started first,
 * given the folder's name, so that no moment passes with the folder made and nobody to remove it.
 */
function conversionFolder(): { work: string; watchdog: Watchdog | undefined } {
  if (process.platform === 'win32') return { work: mkdtempSync(join(tmpdir(), 'jixiao-soffice-')), watchdog: undefined };
  for (;;) {
    const work = join(tmpdir(), `jixiao-soffice-${randomBytes(6).toString('hex')}`);
    const watchdog = startWatchdog(work);
    try {
      mkdirSync(work, { mode: 0o700 });
      return { work, watchdog };
    } catch (error) {
      // Stopped before it is let go: it removes nothing (the name may be someone else's folder).
      stopWatchdog(watchdog);
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Stop a watchdog (its shell and the `cat` it waits on) without letting it act; once (its id may be reused after). */
function stopWatchdog(watchdog: Watchdog | undefined): void {
  if (watchdog?.pid === undefined || watchdog.stdin.destroyed) return;
  try {
    process.kill(-watchdog.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  watchdog.stdin.destroy();
}

/** Let a held LibreOffice start (see {@link HELD}): once its group is on the watchdog's pipe, or at once without a watchdog. */
function letGo(child: ChildProcess, watchdog: Watchdog | undefined): void {
  const go = () => {
    child.stdin?.end('go\n');
  };
  child.stdin?.on('error', () => undefined);
  if (watchdog === undefined || child.pid === undefined) go();
  else watchdog.stdin.write(`${String(child.pid)}\n`, go);
}

/**
 * Run a command in its own process group and wait for it; past `timeoutMs` the whole group (soffice's shell
 * wrapper, oosplash and soffice.bin) is killed. The command starts held until `watchdog`, which kills the group if
 * this process ends first, has the group.
 */
function spawnWithTimeout(command: string, args: readonly string[], timeoutMs: number, env: NodeJS.ProcessEnv, watchdog: Watchdog | undefined): Promise<SpawnOutcome> {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    const posix = process.platform !== 'win32';
    const child = posix ? spawn('/bin/sh', ['-c', HELD, command, ...args], { detached: true, stdio: ['pipe', 'pipe', 'pipe'], env }) : spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env, windowsHide: true });
    if (child.pid !== undefined) letGo(child, watchdog);
    const keep = (chunk: Buffer) => {
      if (output.length < MAX_OUTPUT) output += chunk.toString('utf8').slice(0, MAX_OUTPUT - output.length);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const killGroup = () => {
      try {
        if (child.pid !== undefined && posix) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      stopWatchdog(watchdog);
      resolve({ timedOut, exitCode: null, signal: null, output, error: error.message });
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      // Anything the group left behind (a soffice.bin that outlived its wrapper) goes with it.
      killGroup();
      stopWatchdog(watchdog);
      resolve({ timedOut, exitCode, signal, output });
    });
  });
}
