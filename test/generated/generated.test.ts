import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifacts, ROOT } from './artifacts.js';

// JIXIAO_UPDATE=1 (npm run generate) rewrites the files; otherwise a stale or missing file fails.
const update = process.env.JIXIAO_UPDATE === '1';

describe('generated files are up to date (npm run generate)', () => {
  for (const a of artifacts()) {
    it(a.path, () => {
      const file = join(ROOT, a.path);
      if (update) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, a.content);
      }
      expect(existsSync(file), `${a.path} is missing: run npm run generate`).toBe(true);
      expect(readFileSync(file, 'utf8'), `${a.path} is stale: run npm run generate`).toBe(a.content);
    });
  }
});
