/**
 * Re-orders a model value the way Go's encoding/json writes the corresponding struct: fields in declaration
 * order (model/go-layout.ts), map keys sorted. Needed wherever bytes matter, e.g. the config hash.
 */
import { emptyMap, isPlainMap, type PlainMap } from '../util/plain-data';
import { LAYOUTS, type FieldKind, type StructLayout } from './go-layout';

export function orderLikeGo<T>(layoutName: string, value: T): T {
  const layout = (LAYOUTS as Record<string, StructLayout>)[layoutName];
  if (layout === undefined || !isPlainMap(value)) return value;
  const out = emptyMap();
  for (const [name, kind] of layout) {
    if (Object.hasOwn(value, name)) out[name] = orderField(kind, value[name]);
  }
  // The same value with its keys re-ordered.
  return out as T;
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
  const out = emptyMap();
  for (const key of Object.keys(map).sort()) out[key] = transform(map[key]);
  return out;
}
