/* global document, MutationObserver, requestAnimationFrame -- the page.evaluate callbacks run in the page */
// `npm run bench -- --web` (or `node bench/web/run.mjs [--forms 1000]`): the workbench in Debian's Chromium,
// opened from disk as a reviewer opens it. Measures (1) drop to first result for one .docx, cold (the first
// drop after the page opened) and warm (median of 5); (2) N .docx forms through the page (change event to the
// last result, then to the cross-form section: the batch rules over all N); (3) the JavaScript the page loads
// before any export, gzip -9, and what it loads later (the export bundle, the workbook and PDF readers); (4) drop
// to first result for one .xlsx, the workbook reader loaded then; (5) the same for one PDF (pdf.js loaded then).
// The reference is the CLI on the same folder, in the same run. While (2) runs: the longest task on the page's
// own thread (PerformanceObserver 'longtask': what a click waits for at worst while the forms are checked) and the
// peak memory (resident set, sampled from /proc every 100 ms) of Chromium's renderer processes — the tab and its
// workers — and, for the reference, of the CLI's process tree. Then (2b) the filter typed into once all N are in
// (each keystroke to the next frame, the page's long tasks meanwhile). `--batch-only` runs (2), (2b) and the
// reference alone; `--page-workers N` makes the page see N cores (it starts one check worker per core, at most 4).
// (2) also gives the page's JavaScript heap (Chromium's Runtime.getHeapUsage on the tab's main thread, after a
// forced garbage collection) at the last result and once the cross-form section is shown. `--compare <tree>` builds
// the workbench of another checkout too (or of a workbench package folder: main's packages/web exported) and runs (2) on both in turn, this tree
// first, `--rounds N` times each (default 2), on the same forms: a before/after in one run.
// (2) also gives the CPU time of Chromium's processes (every thread: the tab, its workers, V8's thread pool, the
// browser process) from the files being picked to the last result and to the cross-form section, and the reference
// its CPU time (GNU time): on a shared machine the wall times are the neighbours' as much as ours, CPU time far less.
// The cross-form pass's own CPU (last result → section) is given by thread too, the page's thread apart.
// The machine is shared: the load average is printed before and after; say it beside the figures.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { chromium } from 'playwright-core';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SEED = join(ROOT, 'examples/beita-justice-2020/form.docx');
const XLSX = join(ROOT, 'examples/t5-chongqing-2021/form.xlsx');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const FORMS = arg('--forms', 1000);
const BATCH_ONLY = process.argv.includes('--batch-only');
/** `--page-workers N`: the page made to see N cores (navigator.hardwareConcurrency), so it starts N check workers. */
const PAGE_WORKERS = arg('--page-workers', undefined);
/** `--compare <tree>`: another checkout whose workbench (2) is run against, alternately, `--rounds N` times each. */
const COMPARE = (() => {
  const i = process.argv.indexOf('--compare');
  return i === -1 ? undefined : resolve(process.argv[i + 1]);
})();
const ROUNDS = arg('--rounds', 2);

/** Every process's children, by parent pid, from /proc (Linux). */
function processChildren() {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The parent is the 4th field after the command in parentheses (which may hold spaces).
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** Resident memory (bytes) of `pid` and its descendants whose command line passes `keep`, from /proc (Linux). */
function treeRss(pid, keep = () => true) {
  const children = processChildren();
  let total = 0;
  let largest = 0;
  const walk = (p) => {
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      if (keep(cmd)) {
        const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) * 1024;
        total += rss;
        largest = Math.max(largest, rss);
      }
    } catch {
      // gone meanwhile
    }
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return { total, largest };
}

/**
 * CPU time (s, user + system) of every thread of `pid`'s descendants that are Chromium's processes, by process type
 * and thread name (`renderer:DedicatedWorker`, `renderer:ThreadPoolForeg`, `browser:Chrome_IOThread`, …), from
 * /proc/<pid>/task/<tid>/stat (Linux). Two snapshots give the CPU spent between them: a figure the load of a shared
 * machine inflates far less than a wall time.
 */
function chromiumThreads(pid) {
  const children = processChildren();
  const ticks = 100; // USER_HZ: clock ticks per second in /proc (100 on Linux)
  const threads = new Map();
  const walk = (p) => {
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      if (cmd.includes('chrom')) {
        const type = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser';
        for (const tid of readdirSync(`/proc/${p}/task`)) {
          try {
            const stat = readFileSync(`/proc/${p}/task/${tid}/stat`, 'utf8');
            const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
            // utime and stime: the 14th and 15th fields of stat, the 12th and 13th after the command.
            threads.set(`${p}/${tid}`, { key: `${type}:${comm}`, cpu: (Number(fields[11]) + Number(fields[12])) / ticks });
          } catch {
            // gone meanwhile
          }
        }
      }
    } catch {
      // gone meanwhile
    }
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return threads;
}

/** The CPU spent between two snapshots of chromiumThreads, by thread name, largest first; and in all. */
function cpuBetween(before, after) {
  const by = new Map();
  for (const [id, { key, cpu }] of after) {
    const spent = cpu - (before.get(id)?.cpu ?? 0);
    if (spent > 0) by.set(key, (by.get(key) ?? 0) + spent);
  }
  const threads = [...by].sort((a, b) => b[1] - a[1]);
  return { total: threads.reduce((a, [, v]) => a + v, 0), threads };
}
const cpuText = ({ total, threads }) => `${total.toFixed(2)} s (${threads.filter(([, v]) => v >= 0.05).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')})`;

/** Samples `measure` every 100 ms until the returned stop() is called; stop() gives the peak of each figure. */
function sampling(measure) {
  const peak = { total: 0, largest: 0 };
  const take = () => {
    const now = measure();
    peak.total = Math.max(peak.total, now.total);
    peak.largest = Math.max(peak.largest, now.largest);
  };
  take();
  const timer = setInterval(take, 100);
  return () => {
    clearInterval(timer);
    take();
    return peak;
  };
}
const mb = (n) => `${(n / 2 ** 20).toFixed(0)} MB`;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
})();
console.log(`commit ${commit}; ${new Date().toISOString()}`);
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}; load average before: ${load()}`);
const work = mkdtempSync(join(tmpdir(), 'jixiao-bench-web-'));
try {
  const dist = join(work, 'dist');
  execFileSync(process.execPath, [join(ROOT, 'packages/web/scripts/build.mjs'), dist], { stdio: 'inherit' });
  const compareDist = join(work, 'dist-compare');
  if (COMPARE !== undefined) {
    // A checkout (its packages/web), or a workbench package folder of its own (e.g. main's packages/web exported
    // beside this tree's, so that it builds against this tree's packages and node_modules).
    const script = existsSync(join(COMPARE, 'scripts/build.mjs')) ? join(COMPARE, 'scripts/build.mjs') : join(COMPARE, 'packages/web/scripts/build.mjs');
    execFileSync(process.execPath, [script, compareDist], { stdio: 'inherit' });
    console.log(`compared with the workbench built by ${script}`);
  }
  const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const initial = ['app.js', 'worker.js', 'app.css', 'index.html'].map((f) => [f, gz(f)]);
  console.log(`\n(3) loaded before any export, gzip -9: ${initial.map(([f, n]) => `${f} ${kb(n)}`).join(', ')}; JavaScript ${kb(gz('app.js') + gz('worker.js'))}`);
  console.log(`    loaded on the first export: export.js ${kb(gz('export.js'))} gzip (${kb(readFileSync(join(dist, 'export.js')).length)} minified)`);
  console.log(`    loaded on the first workbook: worker-xlsx.js ${kb(gz('worker-xlsx.js'))} gzip (${kb(readFileSync(join(dist, 'worker-xlsx.js')).length)} minified)`);
  console.log(`    loaded on the first PDF: worker-pdf.js ${kb(gz('worker-pdf.js'))} gzip (${kb(readFileSync(join(dist, 'worker-pdf.js')).length)} minified)`);

  // The seed .docx N times, each of another unit (单位0001 …): N copies of one unit and year would be N submissions
  // of one form, which the batch rules compare pair by pair. The narrative stays the seed's: every form is "copied".
  const folder = join(work, 'forms');
  mkdirSync(folder);
  const seed = unzipSync(readFileSync(SEED));
  const xml = strFromU8(seed['word/document.xml']);
  if (!xml.includes('北塔区司法局')) throw new Error('the seed no longer names 北塔区司法局 in one run');
  for (let i = 0; i < FORMS; i++) {
    const n = String(i).padStart(4, '0');
    writeFileSync(join(folder, `form-${n}.docx`), zipSync({ ...seed, 'word/document.xml': strToU8(xml.replace('北塔区司法局', `单位${n}司法局`)) }));
  }

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const open = async (from = dist) => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    if (PAGE_WORKERS !== undefined) await page.addInitScript((n) => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n }), PAGE_WORKERS);
    await page.goto(pathToFileURL(join(from, 'index.html')).href);
    await page.getByText(/当前启用 \d+ 条规则/).waitFor();
    // In the page: the input's change event to the moment the wanted number of rows is in the table.
    await page.evaluate(() => {
      globalThis.benchStart = undefined;
      document.addEventListener('change', (e) => { globalThis.benchStart = e.timeStamp; }, true);
    });
    return page;
  };
  const until = (page, rows) =>
    page.evaluate(
      (wanted) =>
        new Promise((done) => {
          const check = () => {
            const text = document.querySelector('.progress label')?.textContent ?? '';
            // Every result in: the progress says so and the count line has them all (the table lists the first 200).
            const count = document.querySelector('p.count')?.textContent ?? '';
            if (text.startsWith(`已检查 ${wanted} /`) && count === `显示 ${wanted} / ${wanted} 份`) {
              observer.disconnect();
              done(performance.now() - globalThis.benchStart);
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          check();
        }),
      rows,
    );

  /** In the page: from the change event to the cross-form section shown with what the pass found. */
  const crossDone = (page) =>
    page.evaluate(
      () =>
        new Promise((done) => {
          const check = () => {
            if (document.querySelector('section.cross[aria-busy="false"] :is(.preamble, table)') !== null) {
              observer.disconnect();
              done(performance.now() - globalThis.benchStart);
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
          check();
        }),
    );

  if (!BATCH_ONLY) {
    const page = await open();
    const timings = [];
    for (let run = 0; run < 6; run++) {
      const done = until(page, 1);
      await page.getByTestId('pick-files').setInputFiles(SEED);
      timings.push(await done);
      await page.getByRole('button', { name: '清空' }).click();
    }
    const [cold, ...warm] = timings;
    warm.sort((a, b) => a - b);
    console.log(`\n(1) drop to first result, one .docx: cold ${cold.toFixed(0)} ms (first drop after the page opened), warm median ${warm[2].toFixed(0)} ms (${warm.map((t) => t.toFixed(0)).join(', ')}) — target ≤ 500 ms`);
    await page.close();

    const book = await open();
    const bookDone = until(book, 1);
    await book.getByTestId('pick-files').setInputFiles(XLSX);
    console.log(`(4) drop to first result, one .xlsx (the T5 example; worker-xlsx.js loaded and started then): ${(await bookDone).toFixed(0)} ms`);
    await book.close();

    // (5) One PDF: the seed printed by LibreOffice (when installed), worker-pdf.js loaded and started then.
    const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((f) => existsSync(f));
    if (soffice === undefined) console.log('(5) drop to first result, one PDF: skipped (no LibreOffice to print the seed to PDF)');
    else {
      try {
        execFileSync(soffice, [`-env:UserInstallation=${pathToFileURL(join(work, 'lo-profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', work, SEED], { stdio: 'ignore', timeout: 120_000 });
      } catch (error) {
        // Under heavy load LibreOffice has taken over 120 s to print the seed: (5) is then skipped, not the rest.
        console.log(`(5) drop to first result, one PDF: skipped (LibreOffice did not print the seed: ${error instanceof Error ? error.message : String(error)})`);
      }
    }
    if (soffice !== undefined && existsSync(join(work, 'form.pdf'))) {
      const pdf = await open();
      const pdfDone = until(pdf, 1);
      await pdf.getByTestId('pick-files').setInputFiles(join(work, 'form.pdf'));
      console.log(`(5) drop to first result, one PDF (the seed printed by LibreOffice; worker-pdf.js loaded and started then): ${(await pdfDone).toFixed(0)} ms`);
      await pdf.close();
    }

  }

  /** The tab's JavaScript heap in use (bytes) after a forced garbage collection, by the DevTools protocol. */
  const heapUsed = async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    return usedSize;
  };
  /** (2) and (2b) on the workbench built into `from`. */
  const batchRun = async (from) => {
    const batch = await open(from);
    // The page's own thread: every task longer than 50 ms from here on (the browser's long-task entries).
    await batch.evaluate(() => {
      globalThis.benchLongTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) globalThis.benchLongTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
    });
    const done = until(batch, FORMS);
    // Chromium's renderers (the tab, its workers); playwright started Chromium as a child of this process.
    const stopPage = sampling(() => treeRss(process.pid, (cmd) => cmd.includes('--type=renderer')));
    const cpuBefore = chromiumThreads(process.pid);
    await batch.getByTestId('pick-folder').setInputFiles(folder);
    const ms = await done;
    const snapAtLast = chromiumThreads(process.pid);
    const cpuAtLast = cpuBetween(cpuBefore, snapAtLast);
    const heapAtLast = await heapUsed(batch);
    const crossMs = await crossDone(batch);
    const snapAtCross = chromiumThreads(process.pid);
    const cpuAtCross = cpuBetween(cpuBefore, snapAtCross);
    // The cross-form pass alone, by thread: the workers' records and run, the page's share (its thread: 'renderer:chromium').
    const cpuPass = cpuBetween(snapAtLast, snapAtCross);
    const pagePeak = stopPage();
    // The tab's JavaScript heap (its main thread: what the page keeps of the results), after a garbage collection.
    const heapAtCross = await heapUsed(batch);
    // Each long task with when it began, from the change event: before or after the last result, during the pass.
    const long = (await batch.evaluate(() => globalThis.benchLongTasks.map((t) => ({ at: t.start - globalThis.benchStart, duration: t.duration })))).sort((a, b) => b.duration - a.duration);
    const when = (t) => `${t.duration.toFixed(0)} ms at ${(t.at / 1000).toFixed(2)} s`;
    const found = await batch.locator('table.cross-findings tbody tr').count();
    console.log(`(2) ${FORMS} .docx through the page (change event to the last result): ${(ms / 1000).toFixed(2)} s, ${(FORMS / (ms / 1000)).toFixed(0)} forms/s with ${await batch.evaluate(() => Math.min(4, navigator.hardwareConcurrency))} workers — target ≤ 10 s`);
    console.log(`    to the cross-form section (the batch rules over all ${FORMS}; ${found} findings shown): ${(crossMs / 1000).toFixed(2)} s (the pass ${((crossMs - ms) / 1000).toFixed(2)} s after the last result)`);
    console.log(`    the page's thread meanwhile: ${long.length} tasks over 50 ms, ${(long.reduce((a, t) => a + t.duration, 0) / 1000).toFixed(2)} s in them; the longest ${long.slice(0, 5).map(when).join(', ')} (from the change event)`);
    console.log(`    CPU time of Chromium's processes (every thread, from the files being picked): to the last result ${cpuText(cpuAtLast)}; to the cross-form section ${cpuAtCross.total.toFixed(2)} s, ${(cpuAtCross.total / FORMS * 1000).toFixed(1)} ms a form; the pass alone (last result → section) ${cpuText(cpuPass)}`);
    console.log(`    peak resident memory of Chromium's renderers (the tab and its workers): ${mb(pagePeak.total)} together, the largest process ${mb(pagePeak.largest)}`);
    console.log(`    the page's JavaScript heap (main thread, after a forced GC): ${mb(heapAtLast)} at the last result, ${mb(heapAtCross)} with the cross-form section shown`);
    // (2b) Filtering once all N are in and the cross-form section is shown: "0001" typed into the unit filter as a
    // reviewer types (200 ms between keys; units are 单位0000司法局 …, so the rows go N → … → 1). Each keystroke:
    // its input event to the frame after the page's update (a task queued from the next animation frame), and the
    // long tasks on the page's thread meanwhile.
    await batch.evaluate(() => {
      globalThis.benchLongTasks.length = 0;
      globalThis.benchKeys = [];
      document.addEventListener('input', (e) => {
        const start = e.timeStamp;
        requestAnimationFrame(() => setTimeout(() => globalThis.benchKeys.push({ ms: performance.now() - start, count: document.querySelector('p.count')?.textContent })));
      }, true);
    });
    const unitFilter = batch.getByLabel('筛选“单位”');
    await unitFilter.click();
    await unitFilter.pressSequentially('0001', { delay: 200 });
    // The filter applied: the one form left is the only row.
    await batch.waitForFunction((wanted) => document.querySelector('p.count')?.textContent === `显示 1 / ${wanted} 份` && document.querySelectorAll('table.forms tbody tr').length === 1, FORMS);
    await batch.waitForFunction(() => globalThis.benchKeys.length === 4);
    const keys = await batch.evaluate(() => globalThis.benchKeys);
    const typingLong = (await batch.evaluate(() => globalThis.benchLongTasks.map((t) => t.duration))).sort((a, b) => b - a);
    console.log(`(2b) the unit filter typed after the ${FORMS} (4 keys, 200 ms apart): each key's input event to the next frame ${keys.map((k) => k.ms.toFixed(0)).join(', ')} ms (the count line then: ${keys.map((k) => k.count).join(', ')}); page tasks over 50 ms meanwhile: ${typingLong.length ? typingLong.map((d) => d.toFixed(0)).join(', ') + ' ms' : 'none'}`);
    await batch.close();
    const pageThread = (cpu) => cpu.threads.find(([key]) => key === 'renderer:chromium')?.[1] ?? 0;
    return { ms, crossMs, heapAtLast, heapAtCross, renderers: pagePeak.total, cpu: cpuAtCross.total, passCpu: cpuPass.total, passPage: pageThread(cpuPass) };
  };
  const runs = [];
  for (let round = 0; round < (COMPARE === undefined ? 1 : ROUNDS); round++) {
    for (const [label, from] of COMPARE === undefined ? [['this tree', dist]] : [['this tree', dist], ['compared', compareDist]]) {
      console.log(`\n(2) ${label}, round ${String(round + 1)}:`);
      runs.push({ label, ...(await batchRun(from)) });
    }
  }
  if (COMPARE !== undefined) {
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
    for (const label of ['this tree', 'compared']) {
      const mine = runs.filter((r) => r.label === label);
      console.log(`(2) ${label}: to the last result ${mine.map((r) => (r.ms / 1000).toFixed(2)).join(' / ')} s (median ${(median(mine.map((r) => r.ms)) / 1000).toFixed(2)}), Chromium's CPU to the cross-form section ${mine.map((r) => r.cpu.toFixed(2)).join(' / ')} s, in the pass ${mine.map((r) => r.passCpu.toFixed(2)).join(' / ')} s (the page's thread ${mine.map((r) => r.passPage.toFixed(2)).join(' / ')} s), page heap at the last result ${mine.map((r) => mb(r.heapAtLast)).join(' / ')}, with the cross-form section ${mine.map((r) => mb(r.heapAtCross)).join(' / ')}, renderers' peak ${mine.map((r) => mb(r.renderers)).join(' / ')}`);
    }
  }
  const { crossMs, cpu: pageCpu } = runs[0];
  await browser.close();
  // The reference in the same run: the CLI on the same folder (its default workers), JSON report to a file. GNU
  // time gives its CPU time (user + system of the CLI and the processes it waited for: its workers).
  const cli = join(ROOT, 'packages/cli/bin/jixiao.js');
  const started = performance.now();
  const timed = join(work, 'cli-time.txt');
  const child = spawn('/usr/bin/time', ['-f', '%U %S', '-o', timed, process.execPath, cli, 'check', folder, '--format', 'json', '--output', join(work, 'report.json')], { stdio: 'ignore' });
  const stopCli = sampling(() => treeRss(child.pid, (cmd) => !cmd.startsWith('/usr/bin/time')));
  const status = await new Promise((settle) => child.on('exit', settle));
  const cliMs = performance.now() - started;
  const cliPeak = stopCli();
  if (status !== 0 && status !== 1) throw new Error(`jixiao check exited with ${String(status)}`); // 1 = failures found (the seed has one error)
  const [user, system] = readFileSync(timed, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  const cliCpu = user + system;
  const cliReport = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8'));
  console.log(`    reference, same run: \`jixiao check\` on the same folder (its cross-form pass included: ${cliReport.crossForm?.findings.length ?? 0} findings) ${(cliMs / 1000).toFixed(2)} s, ${(FORMS / (cliMs / 1000)).toFixed(0)} forms/s (page to its cross-form section ÷ CLI time ${(crossMs / cliMs).toFixed(2)}×); peak resident memory of its processes ${mb(cliPeak.total)}`);
  console.log(`    CPU time: the CLI ${cliCpu.toFixed(2)} s (user ${user.toFixed(2)}, system ${system.toFixed(2)}), ${(cliCpu / FORMS * 1000).toFixed(1)} ms a form; Chromium to the cross-form section ${pageCpu.toFixed(2)} s (page ÷ CLI ${(pageCpu / cliCpu).toFixed(2)}×)`);
} finally {
  rmSync(work, { recursive: true, force: true });
  console.log(`\nload average after: ${load()}`);
}
