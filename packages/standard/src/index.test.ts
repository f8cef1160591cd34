// The standard preset as data holds exactly the packs the CLI loads from disk, rule for rule.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPack } from '@jixiao/core/node';
import { STANDARD_PACK_SOURCES, standardPacks } from './index.js';

const preset = JSON.parse(readFileSync(new URL('../../cli/src/presets/standard.json', import.meta.url), 'utf8')) as { packs: { package: string }[] };
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };

describe('@jixiao/standard', () => {
  it('lists the packages of the CLI preset, each a dependency of this package', () => {
    const names = STANDARD_PACK_SOURCES.map((s) => s.package);
    expect(names).toEqual(preset.packs.map((p) => p.package));
    for (const name of names) expect(manifest.dependencies[name], name).toBeDefined();
  });

  it('builds the same packs as loading each folder from disk', () => {
    const fromDisk = preset.packs.map((p) => loadPack(p.package, new URL('.', import.meta.url).pathname));
    const strip = (packs: readonly { meta: unknown; rules: unknown }[]) => packs.map(({ meta, rules }) => ({ meta, rules }));
    expect(strip(standardPacks())).toEqual(strip(fromDisk));
  });

  it('validates once: later calls return the same frozen packs', () => {
    expect(standardPacks()).toBe(standardPacks());
    expect(Object.isFrozen(standardPacks()[0])).toBe(true);
  });
});
