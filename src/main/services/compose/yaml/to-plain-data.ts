/**
 * YAML syntax tree → plain data, as Go's yaml.v3 decodes into `any` and Compose then checks it:
 * - plain scalars resolve as yaml.v3 does (resolve-scalar.ts); quoted and block scalars are strings;
 * - each alias becomes its own copy of the anchored value (later passes mutate data in place), bounded in total;
 * - merge keys (`<<: *a`, `<<: [*a, *b]`) fill in keys the map does not set itself, earlier sources first;
 * - a key written twice in one mapping, or a key that is not a string, is an error worded as Compose words it.
 * Maps have no prototype, so keys such as `__proto__` or `constructor` are data like any other.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { deepClone, emptyMap, isPlainMap, type PlainMap } from '../util/plain-data';
import { goSyntax } from '../util/go-scalars';
import { resolvePlainScalar } from './resolve-scalar';

/** A structural problem Compose reports with a `yaml:` prefix (aliases, duplicate keys) or its own wording. */
export class YamlStructureError extends Error {
  constructor(
    message: string,
    /** Raised only because a limit was reached (the message says which and how to raise it). */
    readonly limit?: string,
  ) {
    super(message);
  }
}

export interface PlainDataOptions {
  /** Most nodes all alias expansions of one document may add. */
  maxAliasNodes: number;
  /** The 1-based line of a source offset, for duplicate-key messages. */
  lineOf(offset: number): number;
}

const MERGE_KEY = '<<';
const STRING_TAG = 'tag:yaml.org,2002:str';

export function toPlainData(root: Node | null, options: PlainDataOptions): unknown {
  const anchors = new Map<string, unknown>();
  const inProgress = new Set<string>();
  const duplicates: string[] = [];
  let expanded = 0;

  const convert = (node: Node | null | undefined, path: string): unknown => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const name = node.source;
      if (inProgress.has(name)) throw new YamlStructureError(`yaml: anchor '${name}' value contains itself`);
      if (!anchors.has(name)) throw new YamlStructureError(`yaml: unknown anchor '${name}' referenced`);
      const value = anchors.get(name);
      expanded += countNodes(value, options.maxAliasNodes - expanded + 1);
      if (expanded > options.maxAliasNodes) {
        throw new YamlStructureError(
          'yaml: document contains excessive aliasing: its aliases expand to too many nodes',
          'BERTH_COMPOSE_MAX_ALIAS_NODES',
        );
      }
      return deepClone(value);
    }
    const anchor = node.anchor;
    if (anchor) inProgress.add(anchor);
    let value: unknown;
    if (isScalar(node)) value = scalarValue(node);
    else if (isMap(node)) value = convertMap(node.items as Pair<Node, Node>[], path);
    else if (isSeq(node)) value = (node.items as Node[]).map((item, index) => convert(item, `${path}[${index}]`));
    else value = null;
    if (anchor) {
      inProgress.delete(anchor);
      anchors.set(anchor, value);
      return deepClone(value);
    }
    return value;
  };

  const convertMap = (pairs: Pair<Node, Node>[], path: string): PlainMap => {
    const out = emptyMap();
    const merged: PlainMap[] = [];
    const seen = new Map<string, number>();
    for (const pair of pairs) {
      if (!isPair(pair)) continue;
      noteDuplicate(pair.key, seen, duplicates, options.lineOf);
      if (isMergeKey(pair.key)) {
        const source = convert(pair.value, path);
        for (const item of Array.isArray(source) ? source : [source]) if (isPlainMap(item)) merged.push(item);
        continue;
      }
      const key = keyOf(pair.key, path, convert);
      out[key] = convert(pair.value, path === '' ? key : `${path}.${key}`);
    }
    for (const source of merged) {
      for (const [key, value] of Object.entries(source)) if (!Object.hasOwn(out, key)) out[key] = value;
    }
    return out;
  };

  const data = convert(root, '');
  if (duplicates.length > 0) throw new YamlStructureError(`yaml: unmarshal errors:\n${duplicates.join('\n')}`);
  return data;
}

/** yaml.v3 compares keys by kind and text, before resolving them. */
function noteDuplicate(
  key: unknown,
  seen: Map<string, number>,
  duplicates: string[],
  lineOf: (offset: number) => number,
) {
  if (!isScalar(key) || key.range === undefined || key.range === null) return;
  const text = String(key.value);
  const line = lineOf(key.range[0]);
  const first = seen.get(text);
  if (first === undefined) seen.set(text, line);
  else duplicates.push(`  line ${line}: mapping key ${JSON.stringify(text)} already defined at line ${first}`);
}

function scalarValue(node: Scalar): unknown {
  const text = String(node.value ?? '');
  if (node.type !== 'PLAIN' || node.tag === STRING_TAG) return text;
  return resolvePlainScalar(text);
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.type === 'PLAIN' && key.value === MERGE_KEY;
}

/** Compose accepts only string keys: `Non-string key in services.web.environment: 8`. */
function keyOf(key: unknown, path: string, convert: (node: Node | null, path: string) => unknown): string {
  if (key === null || key === undefined) return nonString(null, path);
  const value = isScalar(key) ? scalarValue(key) : convert(key as Node, path);
  if (typeof value === 'string') return value;
  if (Array.isArray(value) || isPlainMap(value)) {
    throw new YamlStructureError(`yaml: invalid map key: ${goCollectionText(value)}`);
  }
  return nonString(value, path);
}

function nonString(value: unknown, path: string): never {
  const where = path === '' ? 'at top level' : `in ${path}`;
  throw new YamlStructureError(`Non-string key ${where}: ${goSyntax(value)}`);
}

/** Go's `%#v` of a list or map used as a key (yaml.v3 refuses those). */
function goCollectionText(value: unknown[] | PlainMap): string {
  const json = JSON.stringify(value);
  return Array.isArray(value) ? `[]interface {}{${json.slice(1, -1)}}` : `map[string]interface {}${json}`;
}

/** Nodes in a value, counting no further than `stopAt` (an alias bomb's values are astronomically large). */
function countNodes(root: unknown, stopAt: number): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0 && count < stopAt) {
    const value = stack.pop();
    count++;
    if (Array.isArray(value)) stack.push(...value);
    else if (isPlainMap(value)) stack.push(...Object.values(value));
  }
  return count;
}
