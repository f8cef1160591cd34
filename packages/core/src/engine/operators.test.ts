import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathReader, resolvePath } from './operators.js';

/** An object holding `value` at the dotted path made of `keys` (built, not walked: the walk is what is tested). */
function nest(keys: readonly string[], value: unknown): unknown {
  return keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}

describe('reading a dotted path: own properties only, nothing run, undefined where the path leads nowhere', () => {
  const readers = [
    ['resolvePath', (v: unknown, p: string) => resolvePath(v, p)],
    ['pathReader', (v: unknown, p: string) => pathReader(p)(v)],
  ] as const;

  for (const [name, read] of readers) {
    it(`${name}: through null, a number or a string it is undefined (a string's length is not a field)`, () => {
      for (const depth of [1, 2, 3, 4, 5]) {
        const keys = ['a', 'b', 'c', 'd', 'e'].slice(0, depth);
        const path = [...keys, 'x'].join('.');
        expect(read(nest(keys, null), path)).toBeUndefined();
        expect(read(nest(keys, 42), path)).toBeUndefined();
        expect(read(nest(keys, 'abc'), [...keys, 'length'].join('.'))).toBeUndefined();
        expect(read(nest(keys, 'abc'), [...keys, '0'].join('.'))).toBeUndefined();
        expect(read(null, path)).toBeUndefined();
      }
    });

    it(`${name}: never reaches the prototype`, () => {
      for (const path of ['constructor', 'a.toString', 'a.b.__proto__', 'a.b.c.hasOwnProperty', 'a.b.c.d.valueOf']) {
        expect(read({ a: { b: { c: { d: {} } } } }, path)).toBeUndefined();
      }
    });

    it(`${name}: property: the value put at a path of any depth is the value read there, and a missing last key reads undefined`, () => {
      const key = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,6}$/);
      fc.assert(
        fc.property(fc.array(key, { minLength: 1, maxLength: 7 }), fc.jsonValue(), (keys, value) => {
          const form = nest(keys, value);
          expect(read(form, keys.join('.'))).toEqual(value);
          expect(read(form, [...keys.slice(0, -1), `${keys.at(-1) ?? ''}Missing`].join('.'))).toBeUndefined();
        }),
      );
    });
  }
});
