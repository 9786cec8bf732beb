/**
 * YAML 1.2 → plain data for one Compose file, keeping what later passes need from the syntax tree:
 * the paths tagged `!reset` / `!override`, and a way back from a key path to a line and column.
 */
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  YAMLMap,
  YAMLSeq,
  type CollectionTag,
  type Document,
  type Node,
  type ScalarTag,
} from 'yaml';
import { composeFileError } from '../errors/compose-errors';
import { AliasError, toPlainData } from './to-plain-data';

export const RESET_TAG = '!reset';
export const OVERRIDE_TAG = '!override';

export type KeyPath = (string | number)[];

export interface SourcePosition {
  line: number;
  column: number;
}

export interface ParsedDocument {
  data: unknown;
  /** Paths whose value is dropped from this file and from what earlier files set. */
  resetPaths: KeyPath[];
  /** Paths whose value replaces what earlier files set instead of merging into it. */
  overridePaths: KeyPath[];
  locate(path: KeyPath): SourcePosition | undefined;
}

const MERGE_TAGS: (ScalarTag | CollectionTag)[] = [RESET_TAG, OVERRIDE_TAG].flatMap(
  (tag): (ScalarTag | CollectionTag)[] => [
    { tag, resolve: (text: string) => text },
    { tag, collection: 'map', nodeClass: YAMLMap, resolve: (map) => map },
    { tag, collection: 'seq', nodeClass: YAMLSeq, resolve: (seq) => seq },
  ],
);

/** Like Go's yaml.v3 (and YAML 1.1), a plain `0755` is octal; YAML 1.2's core schema would read 755. */
const LEADING_ZERO_OCTAL: ScalarTag = {
  tag: 'tag:yaml.org,2002:int',
  default: true,
  test: /^[-+]?0[0-7]+$/,
  resolve: (text: string) => Number.parseInt(text, 8),
};

export function parseComposeYaml(source: string, file: string): ParsedDocument[] {
  const lineCounter = new LineCounter();
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(source, {
      version: '1.2',
      merge: false,
      customTags: (defaults) => [LEADING_ZERO_OCTAL, ...defaults, ...MERGE_TAGS],
      lineCounter,
      prettyErrors: false,
      // Warnings stay on each document; don't also print them to the process's stderr.
      logLevel: 'error',
    }) as Document.Parsed[];
  } catch (error) {
    throw composeFileError(`${file}: ${(error as Error).message}`, { file }, error);
  }
  return documents.map((document) => toParsedDocument(document, file, lineCounter));
}

function toParsedDocument(document: Document.Parsed, file: string, lineCounter: LineCounter): ParsedDocument {
  const firstError = document.errors[0];
  if (firstError !== undefined) {
    const offset = firstError.pos[0];
    const { line, col } = lineCounter.linePos(offset);
    throw composeFileError(`${file}: yaml: line ${line}: ${firstError.message.split('\n')[0]}`, {
      file,
      line,
      column: col,
    });
  }
  let data: unknown;
  try {
    data = toPlainData(document.contents as Node | null);
  } catch (error) {
    if (!(error instanceof AliasError)) throw error;
    throw composeFileError(`${file}: yaml: ${error.message}`, { file }, error);
  }
  const resetPaths: KeyPath[] = [];
  const overridePaths: KeyPath[] = [];
  collectTaggedPaths(document.contents as Node | null, [], resetPaths, overridePaths);
  /** Position of the key for map entries (where a person looks), of the item for list entries. */
  const locate = (path: KeyPath): SourcePosition | undefined => {
    const last = path[path.length - 1];
    const parent = path.length === 0 ? undefined : (document.getIn(path.slice(0, -1), true) as Node | undefined);
    let node: Node | undefined;
    if (typeof last === 'string' && parent !== undefined && isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === last);
      node = pair?.key as Node | undefined;
    }
    node ??=
      path.length === 0 ? (document.contents as Node | undefined) : (document.getIn(path, true) as Node | undefined);
    const offset = node?.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return { data, resetPaths, overridePaths, locate };
}

function collectTaggedPaths(node: Node | null, path: KeyPath, resets: KeyPath[], overrides: KeyPath[]): void {
  if (node === null) return;
  if (node.tag === RESET_TAG) resets.push(path);
  if (node.tag === OVERRIDE_TAG) overrides.push(path);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      collectTaggedPaths(pair.value as Node | null, [...path, key], resets, overrides);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => collectTaggedPaths(item as Node | null, [...path, index], resets, overrides));
  }
}
