/**
 * Re-orders a model value the way Go's encoding/json writes the corresponding struct: fields in declaration
 * order (model/go-layout.ts), map keys sorted. Needed wherever bytes matter, e.g. the config hash.
 */
import { isPlainMap, type PlainMap } from '../util/plain-data';
import { LAYOUTS, type FieldKind } from './go-layout';

export function orderLikeGo(layoutName: string, value: unknown): unknown {
  const layout = LAYOUTS[layoutName];
  if (layout === undefined || !isPlainMap(value)) return value;
  const out: PlainMap = {};
  for (const [name, kind] of layout) {
    if (Object.hasOwn(value, name)) out[name] = orderField(kind, value[name]);
  }
  return out;
}

function orderField(kind: FieldKind, value: unknown): unknown {
  const structName = /^[[{]?@(\w+)/.exec(kind)?.[1];
  if (kind.startsWith('[@') && Array.isArray(value)) return value.map((item) => orderLikeGo(structName!, item));
  if (kind.startsWith('{@') && isPlainMap(value))
    return mapSorted(value, (item) => (item === null ? null : orderLikeGo(structName!, item)));
  if (kind.startsWith('@')) return orderLikeGo(structName!, value);
  if (isPlainMap(value)) return mapSorted(value, (item) => item);
  return value;
}

function mapSorted(map: PlainMap, transform: (item: unknown) => unknown): PlainMap {
  const out: PlainMap = {};
  for (const key of Object.keys(map).sort()) out[key] = transform(map[key]);
  return out;
}
