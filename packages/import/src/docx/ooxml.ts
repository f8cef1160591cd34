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

/** `w:color` of a run: white, as its value or as the theme's background colour it names. */
export function isWhite(attributes: Attributes): boolean {
  const theme = attr(attributes, 'themeColor');
  if (theme !== undefined) return theme === 'background1' || theme === 'light1';
  return (attr(attributes, 'val') ?? '').toUpperCase() === 'FFFFFF';
}

/**
 * `w:shd` paints something behind the text: a fill other than none or white, or a pattern (any `w:val` but clear or
 * nil: a pattern's colour is drawn over the fill). Generous on purpose — a shading read as painted only keeps white
 * text read.
 */
export function isFilled(attributes: Attributes): boolean {
  const pattern = attr(attributes, 'val');
  if (pattern !== undefined && pattern !== 'clear' && pattern !== 'nil') return true;
  const fill = (attr(attributes, 'fill') ?? 'auto').toUpperCase();
  return fill !== 'AUTO' && fill !== 'FFFFFF';
}

/** `w:sz` under 4 half-points: text under 2 pt, which no reader can make out. */
export function isTiny(attributes: Attributes): boolean {
  return Number(attr(attributes, 'val')) < 4;
}

/** `w:highlight` paints something behind the text: any colour but none or white. */
export function isHighlighted(attributes: Attributes): boolean {
  return !['none', 'white'].includes(attr(attributes, 'val') ?? 'none');
}
