import type { Config, Pack, Rule } from './schema.js';

/** Identity helpers for type inference in TypeScript-authored packs and configs (as citty's defineCommand). */
export function definePack<const P extends Pack>(pack: P): P {
  return pack;
}
export function defineRule<const R extends Rule>(rule: R): R {
  return rule;
}
export function defineConfig<const C extends Config>(config: C): C {
  return config;
}
