import type { PackJson } from '@jixiao/core';

/** One pack of the preset as data: the package it comes from, its `pack.json` and its rule files by name. */
export interface StandardPackSource extends PackJson {
  readonly package: string;
}
