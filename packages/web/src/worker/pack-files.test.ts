import { describe, expect, it } from 'vitest';
import { findPackFiles } from './pack-files.js';

const files: Record<string, string> = {
  'my-pack/pack.json': '{"name":"mine","rules":"./rules"}',
  'my-pack/rules/a.json': 'A',
  'my-pack/rules/nested/b.json': 'B',
  'my-pack/cases/a.yaml': 'C',
  'my-pack/examples/pack.json': '{}',
};
const read = (name: string) => Promise.resolve(files[name] ?? '');

describe('findPackFiles', () => {
  it('takes the top pack.json and the rule files directly in the folder it names', async () => {
    const found = await findPackFiles(Object.keys(files), read);
    expect(found?.manifest).toEqual({ name: 'my-pack/pack.json', text: files['my-pack/pack.json'] });
    expect(found?.rules).toEqual([{ name: 'my-pack/rules/a.json', text: 'A' }]);
  });

  it('defaults to src/rules and finds nothing without a pack.json', async () => {
    const found = await findPackFiles(['p/pack.json', 'p/src/rules/x.json', 'p/rules/y.json'], () => Promise.resolve('{}'));
    expect(found?.rules.map((r) => r.name)).toEqual(['p/src/rules/x.json']);
    expect(await findPackFiles(['p/src/rules/x.json'], read)).toBeUndefined();
  });
});
