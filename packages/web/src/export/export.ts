/**
 * The export bundle (`export.js`), loaded only when the reviewer exports: the same formatters as the CLI's
 * `--format xlsx|html|csv`, with exceljs, the heaviest dependency, inside it. It registers itself on a global
 * because a page opened from disk (file://) may load a classic script but not import a module.
 */
import { formatCsv, formatHtml, formatXlsx } from '@jixiao/adapters';
import type { ExportFormats } from '../app/exporter.js';

const formats: ExportFormats = { xlsx: formatXlsx, html: formatHtml, csv: formatCsv };
globalThis.JIXIAO_EXPORT = formats;
