/**
 * The model stores some values as stable codes (公开方式 `portal`/`internal`/`other`, yes/no flags as booleans, the
 * 自评等级 as 优/良/中/差): every report a person reads shows them by name in its language, the JSON report keeps
 * the stored value. The results come from the real checker and the disclosure and rating packs.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChecker, type EvaluationResult, type Locale } from '@jixiao/core';
import { loadPackFromDir } from '@jixiao/core/node';
import { baseEvaluation, patchEvaluation } from '@jixiao/testing';
import { FORMATTERS, type FormatName } from '../formats.js';
import { REPO, loadWorkbook } from '../../test/results.js';

const checker = createChecker(['integrity', 'disclosure', 'rating'].map((p) => loadPackFromDir(resolve(REPO, 'rules', p))));

/** Published inside the unit only (disclosure/public-channel fails), not classified, rated 优 with that error. */
async function internalOnly(locale: Locale): Promise<EvaluationResult[]> {
  const form = patchEvaluation(baseEvaluation(), {
    unit: { name: '东湖区司法局', classified: false },
    disclosure: { published: 'yes', channels: ['internal'] },
    selfRating: { grade: '优', score: 95 },
  });
  const both = patchEvaluation(form, { unit: { name: '西湖区司法局' }, disclosure: { channels: ['portal', 'other'] } });
  return [await checker.checkEvaluation(form, { source: 'forms/东湖.json', locale }), await checker.checkEvaluation(both, { source: 'forms/西湖.json', locale })];
}

async function report(name: FormatName, locale: Locale): Promise<string> {
  const out = await FORMATTERS[name](await internalOnly(locale), { locale, toolVersion: '0.1.0', rules: checker.rules });
  if (typeof out === 'string') return out;
  const wb = await loadWorkbook(out);
  const cells: string[] = [];
  wb.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(cell.text);
      });
    });
  });
  return cells.join('\n');
}

const READ: readonly FormatName[] = ['text', 'markdown', 'html', 'csv', 'xlsx', 'junit'];

describe('enum values reach a reader by name', () => {
  it.each(READ)('%s, zh-CN: 公开方式 as 单位内部 / 门户网站、其它, 涉密单位 as 否, never the stored code', async (name) => {
    const text = await report(name, 'zh-CN');
    expect(text).toContain('单位内部');
    // (JUnit's failure body no longer ends with the conditions that decided it, `containsNone ["portal","other"]`:
    // that trace is for --verbose.)
    expect(text).not.toMatch(/\b(?:portal|internal)\b/);
    expect(text).not.toMatch(/涉密单位 = (?:false|true)/);
    // The passing form's message (公开方式包含向社会公开的方式（…）) is in the tables that list passes.
    if (name === 'csv' || name === 'xlsx') expect(text).toContain('（门户网站、其它）');
  });

  it.each(READ)('%s, en: channels as "inside the unit" / "portal website", the grade with its meaning', async (name) => {
    const text = await report(name, 'en');
    expect(text).toContain('inside the unit');
    // The rule's own English says "not on the portal or another public channel": the stored codes never stand as values.
    expect(text).not.toMatch(/= internal|\(portal(?! website)|portal, other|\binternal\b/);
    expect(text).toContain('优 (excellent)');
    if (name === 'csv' || name === 'xlsx') expect(text).toContain('(portal website, other)');
  });

  it('the values line of the failure names the channel and the flag (text, zh-CN and en)', async () => {
    expect(await report('text', 'zh-CN')).toContain('填报值: 公开方式 = 单位内部；预决算信息是否公开 = 是；涉密单位 = 否');
    expect(await report('text', 'en')).toContain('Values: publication channels = inside the unit; budget and final accounts published = yes; classified unit = no');
  });

  it('the JSON report keeps the stored values', async () => {
    const json = JSON.parse(await report('json', 'zh-CN')) as { results: { findings: { ruleId: string; data: Record<string, unknown>; observed: unknown[] }[] }[] };
    const [first, second] = json.results;
    const channel = first?.findings.find((f) => f.ruleId === 'disclosure/public-channel');
    expect(channel?.observed).toEqual([['internal'], 'yes', false]);
    expect(second?.findings.find((f) => f.ruleId === 'disclosure/public-channel')?.data.channels).toEqual(['portal', 'other']);
  });
});
