/** Content negotiation for `POST /v1/check`: `?format=` wins, else the best match in `Accept`, else JSON. */
import { FORMATTERS, MEDIA_TYPES, isFormatName, type FormatName } from '../formats.js';
import { HttpError } from './errors.js';

/** Media types each format answers to (its own, plus common aliases). */
const ACCEPTED: readonly (readonly [string, FormatName])[] = [
  ...(Object.keys(FORMATTERS) as FormatName[]).map((f) => [MEDIA_TYPES[f].split(';')[0] ?? '', f] as const),
  ['text/xml', 'junit'],
  ['application/junit+xml', 'junit'],
  ['text/x-markdown', 'markdown'],
  ['application/xhtml+xml', 'html'],
  ['application/vnd.ms-excel', 'xlsx'],
];

interface MediaRange {
  readonly type: string;
  readonly q: number;
  readonly order: number;
}

function parseAccept(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part, order) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      const value = q === undefined ? 1 : Number(q.slice(2));
      return { type, q: Number.isFinite(value) ? value : 0, order };
    })
    .filter((r) => r.type !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
}

function matches(range: string, media: string): boolean {
  if (range === '*/*' || range === media) return true;
  return range.endsWith('/*') && media.startsWith(range.slice(0, -1));
}

/** Pick the output format of a request. Throws `unknown-format` or `not-acceptable`. */
export function negotiateFormat(query: string | undefined, accept: string | undefined): FormatName {
  if (query !== undefined) {
    if (!isFormatName(query)) throw new HttpError('unknown-format', { format: query, formats: Object.keys(FORMATTERS) });
    return query;
  }
  if (accept === undefined || accept.trim() === '') return 'json';
  for (const range of parseAccept(accept)) {
    // `*/*` and `application/*` prefer JSON, the default for machines; `text/*` prefers plain text.
    if (range.type === '*/*' || range.type === 'application/*') return 'json';
    if (range.type === 'text/*') return 'text';
    const hit = ACCEPTED.find(([media]) => matches(range.type, media));
    if (hit !== undefined) return hit[1];
  }
  throw new HttpError('not-acceptable', { accept, formats: Object.fromEntries((Object.keys(FORMATTERS) as FormatName[]).map((f) => [f, MEDIA_TYPES[f]])) });
}
