// The form view's field list shows each value as the reports do: a 公开方式 by its name, never the model's code.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importText } from '@jixiao/import';
import type { Locale } from '@jixiao/core';
import { placesOf } from './view.js';

const SEED = fileURLToPath(new URL('../../../../examples/beita-justice-2020/000_1f3a69e61e56d541.txt', import.meta.url));

function field(path: string, locale: Locale) {
  const read = importText(readFileSync(SEED, 'utf8'));
  if (!read.ok) throw new Error('the seed form was not read');
  return placesOf(read.evaluation, read.positions, locale)
    .flatMap((p) => p.fields)
    .find((f) => f.path === path);
}

describe('the form view names enum values', () => {
  it('公开方式 (ticked 门户网站 on the seed form) as 门户网站 / portal website', () => {
    expect(field('disclosure.channels', 'zh-CN')?.value).toBe('门户网站');
    expect(field('disclosure.channels', 'en')?.value).toBe('portal website');
  });

  it('the 自评等级 as the form writes it, with its meaning in English', () => {
    expect(field('selfRating.grade', 'zh-CN')?.value).toBe('优');
    expect(field('selfRating.grade', 'en')?.value).toBe('优 (excellent)');
  });
});

// Issue 15, English available: the seed's lost symbols `(` were shown as 否☑（推断） on the English page too.
describe('the form view words the importer’s placeholder readings in the page’s language', () => {
  function excerpt(path: string, locale: Locale): string | undefined {
    const read = importText(readFileSync(SEED, 'utf8'));
    if (!read.ok) throw new Error('the seed form was not read');
    return placesOf(read.evaluation, read.positions, locale).find((p) => p.fields.some((f) => f.path === path))?.excerpt;
  }

  it('超编 (否 inferred on the seed form): 否☑（推断） in Chinese, 否☑ (inferred) in English', () => {
    expect(excerpt('staffingControl.overstaffed', 'zh-CN')).toContain('否☑（推断）');
    const en = excerpt('staffingControl.overstaffed', 'en');
    expect(en).toContain('否☑ (inferred)');
    expect(en).toContain('是 □');
    expect(en).not.toContain('推断');
  });
});
