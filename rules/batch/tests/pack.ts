import { fileURLToPath } from 'node:url';
import { loadPackFromDir } from '@jixiao/core/node';

/** This pack, loaded the way the CLI loads it (data only, validated). */
export const pack = loadPackFromDir(fileURLToPath(new URL('..', import.meta.url)));
