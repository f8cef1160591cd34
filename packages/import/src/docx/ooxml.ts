import type { SaxesTagPlain } from 'saxes';

/** Attributes of a tag as saxes hands them out (no namespace processing: names keep their prefixes). */
export type Attributes = SaxesTagPlain['attributes'];

/** An element or attribute name without its prefix: `w:val` → `val`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by local name (`w:val` → `val`); the last one wins when two prefixes give the same name. */
export function attr(attributes: Attributes, local: string): string | undefined {
  let value: string | undefined;
  for (const name in attributes) if (localName(name) === local) value = attributes[name];
  return value;
}

/** An on/off property (ST_OnOff): on unless `w:val` says `0`/`false`/`off` (anything but `1`/`true`/`on`). */
export function isOn(attributes: Attributes): boolean {
  const v = attr(attributes, 'val');
  return v === undefined || v === '1' || v === 'true' || v === 'on';
}
