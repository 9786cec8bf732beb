/**
 * YAML syntax tree → plain data, as Go's yaml.v3 decodes into `any`: each alias becomes its own copy of the
 * anchored value (later passes mutate data in place, so sharing would leak changes between services),
 * merge keys (`<<: *a`, `<<: [*a, *b]`) fill in keys the map does not set itself, earlier sources first.
 * Anchors are looked up in a table built while walking, instead of searching the document per alias.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';

export class AliasError extends Error {}

const MERGE_KEY = '<<';

/** Bounds alias expansion ("billion laughs"), far above what real files need. */
const MAX_EXPANDED_NODES = 1_000_000;

export function toPlainData(root: Node | null): unknown {
  const anchors = new Map<string, unknown>();
  const inProgress = new Set<string>();
  let expanded = 0;

  const convert = (node: Node | null | undefined): unknown => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const name = node.source;
      if (inProgress.has(name)) throw new AliasError(`anchor '${name}' value contains itself`);
      if (!anchors.has(name)) throw new AliasError(`unknown anchor '${name}' referenced`);
      const value = anchors.get(name);
      expanded += countNodes(value);
      if (expanded > MAX_EXPANDED_NODES) throw new AliasError('document contains excessive aliasing');
      return structuredClone(value);
    }
    const anchor = node.anchor;
    if (anchor) inProgress.add(anchor);
    let value: unknown;
    if (isScalar(node)) value = node.value;
    else if (isMap(node)) value = convertMap(node.items as Pair<Node, Node>[]);
    else if (isSeq(node)) value = (node.items as Node[]).map(convert);
    else value = null;
    if (anchor) {
      inProgress.delete(anchor);
      anchors.set(anchor, value);
      return structuredClone(value);
    }
    return value;
  };

  const convertMap = (pairs: Pair<Node, Node>[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const merged: Record<string, unknown>[] = [];
    for (const pair of pairs) {
      if (!isPair(pair)) continue;
      if (isMergeKey(pair.key)) {
        const source = convert(pair.value);
        for (const item of Array.isArray(source) ? source : [source]) {
          if (typeof item === 'object' && item !== null && !Array.isArray(item))
            merged.push(item as Record<string, unknown>);
        }
        continue;
      }
      out[keyText(pair.key, convert)] = convert(pair.value);
    }
    for (const source of merged) {
      for (const [key, value] of Object.entries(source)) if (!Object.hasOwn(out, key)) out[key] = value;
    }
    return out;
  };

  return convert(root);
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.value === MERGE_KEY && (key.type === 'PLAIN' || key.type === undefined);
}

function keyText(key: unknown, convert: (node: Node | null) => unknown): string {
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return 'null';
  const value = convert(key as Node);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function countNodes(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countNodes(item), 1);
  if (typeof value === 'object' && value !== null)
    return Object.values(value).reduce((sum: number, item) => sum + countNodes(item), 1);
  return 1;
}
