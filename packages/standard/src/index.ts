/**
 * @jixiao/standard: the `standard` preset (every pack the CLI checks with by default) as data, importable
 * from Node or bundled for a browser: no file-system walk, nothing executed. The list is generated from the
 * packs' metadata by `npm run generate` (`sources.generated.ts`), as the CLI's preset file is.
 */
import { packFromJson, type Pack } from '@jixiao/core';
import { STANDARD_PACK_SOURCES } from './sources.generated.js';

export { STANDARD_PACK_SOURCES } from './sources.generated.js';
export type { StandardPackSource } from './source.js';

let packs: readonly Pack[] | undefined;

/** The packs of the standard preset, validated and frozen once (later calls return the same objects). */
export function standardPacks(): readonly Pack[] {
  packs ??= STANDARD_PACK_SOURCES.map((source) => packFromJson({ ...source, source: source.package }));
  return packs;
}
