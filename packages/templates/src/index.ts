/**
 * @jixiao/templates: the form templates jixiao ships, as data (`templates/*.json`, schema
 * `@jixiao/core/schema/template.schema.json`). Each is the raw file content; `@jixiao/import` validates and
 * compiles them on first use. Browser-safe (JSON imports only).
 */
import t1Checklist from '../templates/t1-checklist.json' with { type: 'json' };

/** The shipped template files, in the order detection breaks ties (earlier first). */
export const SHIPPED_TEMPLATE_FILES: readonly { readonly file: string; readonly content: unknown }[] = [{ file: 't1-checklist.json', content: t1Checklist }];
