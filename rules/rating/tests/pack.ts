import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Pack } from '@jixiao/core';
import { loadPackFromDir } from '@jixiao/core/node';

const RULES_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** This pack, loaded the way the CLI loads it (data only, validated). */
export const pack = loadPackFromDir(fileURLToPath(new URL('..', import.meta.url)));

/** Every other pack in this repository: the rules whose outcomes the self-rating rule reads. */
export const otherPacks: readonly Pack[] = readdirSync(RULES_DIR)
  .filter((name) => name !== 'rating' && existsSync(`${RULES_DIR}/${name}/pack.json`))
  .sort()
  .map((name) => loadPackFromDir(`${RULES_DIR}/${name}`));
