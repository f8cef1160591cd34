/**
 * What `worker.js` holds in place of exceljs (scripts/build.mjs): that worker never reads a workbook — it gives the
 * file back to the page, which sends it to `worker-xlsx.js` — so reaching this is a bug, reported as one.
 */
function Workbook(): never {
  throw new Error('worker.js has no spreadsheet reader: workbooks are read by worker-xlsx.js');
}

export default { Workbook };
