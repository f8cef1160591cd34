/**
 * Meta-tests over every rule pack under rules/: one rule, one file name, three mirrors (rule file, test file,
 * docs page; docs/README.md indexes the pages); every rule speaks zh-CN and English, cites a basis, and is enabled by the standard preset.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LocalizedText, Pack, Rule } from '@jixiao/core';
import { loadPackFromDir } from '@jixiao/core/node';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RULES = join(ROOT, 'rules');

interface PresetFile {
  readonly packs: readonly { name: string; package: string; version: string }[];
  readonly rules: Readonly<Record<string, string>>;
}
const preset = JSON.parse(readFileSync(join(ROOT, 'packages/cli/src/presets/standard.json'), 'utf8')) as PresetFile;

const packDirs = readdirSync(RULES)
  .filter((name) => existsSync(join(RULES, name, 'pack.json')))
  .sort();

/** Base names of the files in `dir` ending with `suffix`. */
function names(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith(suffix))
    .map((n) => n.slice(0, -suffix.length))
    .sort();
}

/** Every text a rule shows to a user, with where it sits in the rule. */
function texts(rule: Rule): [string, LocalizedText][] {
  const out: [string, LocalizedText][] = [['title', rule.title], ['pass', rule.pass]];
  if (rule.description) out.push(['description', rule.description]);
  if (rule.notApplicableWhen) out.push(['notApplicableWhen.message', rule.notApplicableWhen.message]);
  if (rule.indeterminateWhen) out.push(['indeterminateWhen.message', rule.indeterminateWhen.message]);
  for (const c of rule.checks) out.push([`checks.${c.id}.message`, c.message]);
  for (const n of rule.notes ?? []) out.push([`notes.${n.id}.message`, n.message]);
  for (const p of rule.parameters ?? []) out.push([`parameters.${p.name}.title`, p.title]);
  return out;
}

/** What an editor writes about a citation, not what the instrument says: it belongs in `verification.remark`. */
const EDITORIAL = /未核实|不引条号|仅引文号|条号未|no article cited|not verified|unverified/i;

const HAN = /\p{Script=Han}/u;

it('finds the rule packs of the catalogue', () => {
  expect(packDirs).toEqual(
    expect.arrayContaining(['budget', 'disclosure', 'duties', 'integrity', 'management', 'procurement', 'rating', 'revenue', 'staffing', 'three-public']),
  );
});

describe.each(packDirs)('rules/%s', (dir) => {
  const base = join(RULES, dir);
  const pack: Pack = loadPackFromDir(base);

  it('has one rule file, one test file and one docs page per rule (1:1:1)', () => {
    const rules = names(join(base, 'src/rules'), '.json');
    expect(rules.length).toBeGreaterThan(0);
    expect(names(join(base, 'tests'), '.test.ts'), 'tests/<rule>.test.ts').toEqual(rules);
    // docs/README.md is the pack's index (written by `jixiao pack docs`), not a rule page.
    expect(names(join(base, 'docs'), '.md').filter((n) => n !== 'README'), 'docs/<rule>.md').toEqual(rules);
    expect(existsSync(join(base, 'docs/README.md')), 'docs/README.md').toBe(true);
    expect(pack.rules.map((r) => r.id.split('/')[1]).sort()).toEqual(rules);
  });

  it('is a workspace package named @jixiao/pack-<name> that points at its pack.json', () => {
    const pkg = JSON.parse(readFileSync(join(base, 'package.json'), 'utf8')) as { name: string; jixiao?: { pack?: string } };
    expect(pkg.name).toBe(`@jixiao/pack-${pack.meta.name}`);
    expect(pkg.jixiao?.pack).toBe('pack.json');
    expect(preset.packs).toContainEqual({ name: pack.meta.name, package: pkg.name, version: pack.meta.version });
  });

  for (const rule of pack.rules) {
    describe(rule.id, () => {
      it('has every title and message in zh-CN (with Chinese text) and in English', () => {
        for (const [where, text] of texts(rule)) {
          expect(text['zh-CN'].trim(), `${where} zh-CN`).not.toBe('');
          expect(text.en.trim(), `${where} en`).not.toBe('');
          expect(text['zh-CN'], `${where} zh-CN is Chinese`).toMatch(HAN);
          expect(text.en, `${where} en differs from zh-CN`).not.toBe(text['zh-CN']);
        }
      });

      it('cites a basis whose check is recorded, with an article only where a published text was read', () => {
        expect(rule.basis.length).toBeGreaterThan(0);
        for (const b of rule.basis) {
          const where = `${b.instrument} ${b.number ?? ''}`;
          expect(b.instrument.trim()).not.toBe('');
          expect(b.verification, `${where}: verification`).toBeDefined();
          if (b.article !== undefined) {
            expect(b.verification?.status, `${where} ${b.article}: an article needs a verified text`).toBe('verified');
            expect(b.verification?.source, `${where} ${b.article}: and where it was read`).toMatch(/^https?:\/\//);
          }
          if (b.verification?.status === 'unverified') expect(b.verification.remark, `${where}: say what was not found`).toBeDefined();
          expect(b.note?.['zh-CN'] ?? '', `${where}: the reader-facing note`).not.toMatch(EDITORIAL);
          expect(b.note?.en ?? '', `${where}: the reader-facing note`).not.toMatch(EDITORIAL);
        }
      });

      it('gives every parameter value a start date and a citation', () => {
        for (const p of rule.parameters ?? []) {
          for (const v of p.values) {
            expect(v.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(v.basis.trim()).not.toBe('');
          }
        }
      });

      // Issue 15 item 3: a parameter's citation reaches readers in both languages (the JSON report's rules, the docs,
      // `jixiao rules --format json`); disclosure.deadlineDays read "…二十日内公开（条款未核实）" in an English report.
      it('cites every parameter value without an editorial note, in English too where it is in Chinese', () => {
        for (const p of rule.parameters ?? []) {
          for (const v of p.values) {
            expect(v.basis, `${rule.id} ${p.name}: the citation, not a note on it`).not.toMatch(EDITORIAL);
            // English (names and 文号 kept as written), or "<zh> / <en>".
            if (!/^[A-Za-z]/.test(v.basis)) expect(v.basis, `${rule.id} ${p.name}: an English part after " / "`).toMatch(/ \/ [A-Za-z]/);
          }
        }
      });

      it('is enabled by the standard preset at its default severity', () => {
        expect(preset.rules[rule.id]).toBe(rule.severity);
      });
    });
  }
});
