import { TemplateSchema, templateSemanticIssues, type Template } from '@jixiao/core';
import { SHIPPED_TEMPLATE_FILES } from '@jixiao/templates';
import { compileReader, type CompiledReader } from '../form/read-form.js';

let SHIPPED: readonly Template[] | undefined;

/**
 * The templates jixiao ships (`@jixiao/templates`), validated on first use. A shipped template that does not
 * validate is a bug of this package (its tests validate every one), so this throws.
 */
export function shippedTemplates(): readonly Template[] {
  SHIPPED ??= SHIPPED_TEMPLATE_FILES.map(({ file, content }): Template => {
    const parsed = TemplateSchema.safeParse(content);
    if (!parsed.success) throw new Error(`shipped template ${file} is invalid: ${parsed.error.message}`);
    const issues = templateSemanticIssues(parsed.data);
    if (issues.length > 0) throw new Error(`shipped template ${file} is invalid: ${issues.map((i) => `${i.path.join('.')}: ${i.message.en}`).join('; ')}`);
    return parsed.data;
  });
  return SHIPPED;
}

/** A shipped template by id. */
export function shippedTemplate(id: string): Template | undefined {
  return shippedTemplates().find((t) => t.id === id);
}

const READERS = new WeakMap<Template, CompiledReader>();

/** The reader compiled for a template (once per template object). */
export function readerFor(template: Template): CompiledReader {
  let r = READERS.get(template);
  if (r === undefined) {
    r = compileReader(template);
    READERS.set(template, r);
  }
  return r;
}
