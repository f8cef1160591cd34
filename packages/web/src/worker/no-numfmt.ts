/**
 * What `worker.js` and `worker-pdf.js` hold in place of numfmt (scripts/build.mjs): numfmt renders a workbook cell's
 * number format, and those workers never read a workbook (`worker-xlsx.js` does), so reaching this is a bug,
 * reported as one. numfmt would add ~35 KB gzip to `worker.js`, which loads with the page.
 */
export function format(): never {
  throw new Error('this worker has no number-format renderer: workbooks are read by worker-xlsx.js');
}
