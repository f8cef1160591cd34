// PDFs written object by object for the hostile-input tests: the byte offsets of the cross-reference table are
// computed, so pdf.js reads each file as a well-formed PDF and meets exactly the hostile part.
import { createDeflate, deflateSync } from 'node:zlib';

/** One indirect object's body (what goes between `N 0 obj` and `endobj`), as text or bytes. */
export type PdfObject = string | Uint8Array;

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** A PDF of `objects` (object 1 is the catalog), with an optional extra trailer entry (e.g. `/Encrypt 9 0 R`). */
export function craftPdf(objects: readonly PdfObject[], trailer = ''): Uint8Array {
  const parts: Uint8Array[] = [latin1('%PDF-1.7\n')];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  const push = (p: Uint8Array) => {
    parts.push(p);
    length += p.length;
  };
  for (const [i, body] of objects.entries()) {
    offsets.push(length);
    push(latin1(`${String(i + 1)} 0 obj\n`));
    push(typeof body === 'string' ? latin1(body) : body);
    push(latin1('\nendobj\n'));
  }
  const xref = length;
  push(latin1(`xref\n0 ${String(objects.length + 1)}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`));
  push(latin1(`trailer\n<< /Size ${String(objects.length + 1)} /Root 1 0 R ${trailer}>>\nstartxref\n${String(xref)}\n%%EOF\n`));
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A stream object: its dictionary entries and data (deflated when `deflate`). */
export function stream(data: Uint8Array | string, deflate = false, entries = ''): Uint8Array {
  const raw = typeof data === 'string' ? latin1(data) : data;
  const body = deflate ? new Uint8Array(deflateSync(raw, { level: 9 })) : raw;
  const head = latin1(`<< /Length ${String(body.length)}${deflate ? ' /Filter /FlateDecode' : ''} ${entries}>>\nstream\n`);
  const tail = latin1('\nendstream');
  const out = new Uint8Array(head.length + body.length + tail.length);
  out.set(head);
  out.set(body, head.length);
  out.set(tail, head.length + body.length);
  return out;
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** A one-page PDF whose page draws `content` (objects: catalog, pages, page, content, font). */
export function onePagePdf(content: PdfObject): Uint8Array {
  return craftPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    typeof content === 'string' ? stream(content) : content,
    FONT,
  ]);
}

/** A PDF of `pages` pages, each its own page object drawing one short line (all sharing one content stream). */
export function manyPagesPdf(pages: number): Uint8Array {
  const objects: PdfObject[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '', // the page tree, filled below
    stream('BT /F1 12 Tf 72 720 Td (page) Tj ET'),
    FONT,
  ];
  const kids: string[] = [];
  for (let i = 0; i < pages; i++) {
    kids.push(`${String(objects.length + 1)} 0 R`);
    objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>');
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${String(pages)} >>`;
  return craftPdf(objects);
}

/** A content stream of `megabytes` MB of spaces, deflated as it is written (the test never holds it whole). */
export async function giantStream(megabytes: number): Promise<Uint8Array> {
  const deflate = createDeflate({ level: 1 });
  const parts: Buffer[] = [];
  deflate.on('data', (c: Buffer) => parts.push(c));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  const chunk = Buffer.alloc(1 << 20, 0x20);
  for (let i = 0; i < megabytes; i++) deflate.write(chunk);
  deflate.end();
  await ended;
  const body = Buffer.concat(parts);
  return stream(new Uint8Array(body.buffer, body.byteOffset, body.length), false, '/Filter /FlateDecode ');
}

/** A run of printable ASCII (drawn in Helvetica) or of anything else (drawn in the CJK font). */
const RUNS = /[\x20-\x7e]+|[^\x20-\x7e]+/g;
const hexUcs2 = (s: string) => `<${Array.from(s, (c) => (c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('')}>`;
const literal = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/**
 * Text as a PDF made the way iText and ReportLab make Chinese PDFs, embedding no font: Chinese in `STSong-Light`
 * (a CID font of the Adobe-GB1 collection, its codes UCS-2 through the `UniGB-UCS2-H` character map, which a
 * reader must bring), ASCII in Helvetica (one of the standard 14 fonts a reader must know). A line of `text` is
 * a line of the page, wrapped after 48 characters (50 lines to a page); a tab moves the next cell 24 points right.
 * `dingbats` draws characters of the text in ZapfDingbats (another of the 14, not embedded either) as the codes
 * given, as PDF form writers draw check boxes: `{ '☑': '4' }` draws ✔ as its code `4`; an empty code draws nothing
 * in its place (an AcroForm check box that is off shows its border only, a path). `firstPageExtra` is content drawn
 * on the first page after the text (e.g. text placed outside the page).
 */
export function unembeddedFontsPdf(text: string, dingbats: Readonly<Record<string, string>> = {}, firstPageExtra = ''): Uint8Array {
  const lines = text.split('\n').flatMap((line) => {
    const chars = Array.from(line);
    const wrapped: string[] = [];
    for (let at = 0; at === 0 || at < chars.length; at += 48) wrapped.push(chars.slice(at, at + 48).join(''));
    return wrapped;
  });
  const objects: PdfObject[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '', // the page tree, filled below
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 6 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>',
  ];
  const marks = Object.keys(dingbats);
  // A mark is a run of its own (marks are never ASCII: they split the runs of the CJK font).
  const markRun = new RegExp(`(${marks.map((m) => m.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&')).join('|')})`, 'u');
  const runsOf = (cell: string): string[] => (cell.match(RUNS) ?? []).flatMap((run) => (marks.length === 0 ? [run] : run.split(markRun).filter((r) => r !== '')));
  const show = (run: string): string => {
    const code = dingbats[run];
    if (code !== undefined) return code === '' ? '/F3 10 Tf [-1000] TJ' : `/F3 10 Tf ${literal(code)} Tj`;
    return /^[\x20-\x7e]/.test(run) ? `/F1 10 Tf ${literal(run)} Tj` : `/F2 10 Tf ${hexUcs2(run)} Tj`;
  };
  const kids: string[] = [];
  for (let first = 0; first < lines.length; first += 50) {
    const shown = lines.slice(first, first + 50).map((line, i) => {
      const cells = line.split('\t').map((cell, c) => (cell === '' ? '' : `1 0 0 1 ${String(40 + c * 24)} ${String(800 - i * 15)} Tm ${runsOf(cell).map(show).join(' ')}`));
      return `BT ${cells.join(' ')} ET`;
    });
    objects.push(stream((first === 0 && firstPageExtra !== '' ? [...shown, firstPageExtra] : shown).join('\n')));
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${String(objects.length)} 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 7 0 R >> >> >>`);
    kids.push(`${String(objects.length)} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${String(kids.length)} >>`;
  return craftPdf(objects);
}
