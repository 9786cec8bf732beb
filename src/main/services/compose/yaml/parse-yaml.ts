/**
 * One Compose file's text → plain data per YAML document, keeping what later passes need from the syntax tree:
 * the paths tagged `!reset` / `!override`, and a way back from a key path to a line and column. Every scalar is
 * read as text (the failsafe schema) and resolved the way Go's yaml.v3 does (to-plain-data.ts), and nesting is
 * bounded before the tree is built, so a hostile file ends in a stated limit instead of a stack overflow.
 */
import {
  Composer,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  YAMLMap,
  YAMLSeq,
  type CollectionTag,
  type CST,
  type Document,
  type Node,
  type ScalarTag,
} from 'yaml';
import { composeFileError } from '../errors/compose-errors';
import { composeLimitError, DEFAULT_LOAD_LIMITS, type LoadLimits } from '../util/load-limits';
import type { KeyPath } from '../util/plain-data';
import { toPlainData, YamlStructureError } from './to-plain-data';

export const RESET_TAG = '!reset';
export const OVERRIDE_TAG = '!override';

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

type YamlLimits = Pick<LoadLimits, 'maxDepth' | 'maxAliasNodes'>;

export function parseComposeYaml(
  source: string,
  file: string,
  limits: YamlLimits = DEFAULT_LOAD_LIMITS,
): ParsedDocument[] {
  const lineCounter = new LineCounter();
  // Positions are needed only to word an error: the syntax tree is built again then, instead of being kept
  // (it is several times the size of the data).
  let reparsed: { documents: Document.Parsed[]; lineCounter: LineCounter } | undefined;
  const syntaxTree = () => {
    if (reparsed === undefined) {
      const counter = new LineCounter();
      reparsed = { documents: composeAll(source, counter, limits.maxDepth, file), lineCounter: counter };
    }
    return reparsed;
  };
  const parsed: ParsedDocument[] = [];
  try {
    for (const document of composeDocuments(source, lineCounter, limits.maxDepth, file)) {
      const index = parsed.length;
      parsed.push(toParsedDocument(document, file, lineCounter, limits, (path) => locateIn(syntaxTree(), index, path)));
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'BerthError') throw error;
    throw composeFileError(`${file}: ${(error as Error).message}`, { file }, error);
  }
  return parsed;
}

function composeAll(source: string, lineCounter: LineCounter, maxDepth: number, file: string): Document.Parsed[] {
  return Array.from(composeDocuments(source, lineCounter, maxDepth, file));
}

function composeDocuments(
  source: string,
  lineCounter: LineCounter,
  maxDepth: number,
  file: string,
): Generator<Document.Parsed> {
  const composer = new Composer({
    version: '1.2',
    schema: 'failsafe',
    merge: false,
    // Duplicates are reported all at once, in yaml.v3's words (to-plain-data.ts).
    uniqueKeys: false,
    customTags: MERGE_TAGS,
    prettyErrors: false,
    // Warnings stay on each document; don't also print them to the process's stderr.
    logLevel: 'error',
  });
  const tokens = boundedDepth(new Parser(lineCounter.addNewLine).parse(source), maxDepth, file);
  return composer.compose(tokens) as Generator<Document.Parsed>;
}

/** Passes the parser's tokens on, failing as soon as one document nests collections deeper than `maxDepth`. */
function* boundedDepth(tokens: Generator<CST.Token>, maxDepth: number, file: string): Generator<CST.Token> {
  for (const token of tokens) {
    if (nestingDepth(token) > maxDepth) {
      throw composeLimitError(`${file}: maps and lists are nested too deeply`, 'BERTH_COMPOSE_MAX_DEPTH', maxDepth, {
        file,
      });
    }
    yield token;
  }
}

/** Deepest collection nesting of a CST token, walked without recursion. */
function nestingDepth(root: CST.Token): number {
  let deepest = 0;
  const stack: [CST.Token | undefined, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (token === undefined) continue;
    if (token.type === 'document') {
      stack.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      deepest = Math.max(deepest, depth + 1);
      for (const item of token.items) {
        if ('key' in item && item.key) stack.push([item.key, depth + 1]);
        if ('value' in item && item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return deepest;
}

function toParsedDocument(
  document: Document.Parsed,
  file: string,
  lineCounter: LineCounter,
  limits: YamlLimits,
  locate: (path: KeyPath) => SourcePosition | undefined,
): ParsedDocument {
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
    data = toPlainData(document.contents as Node | null, {
      maxAliasNodes: limits.maxAliasNodes,
      lineOf: (offset) => lineCounter.linePos(offset).line,
    });
  } catch (error) {
    if (!(error instanceof YamlStructureError)) throw error;
    if (error.limit !== undefined) {
      throw composeLimitError(`${file}: ${error.message}`, error.limit, limits.maxAliasNodes, { file });
    }
    throw composeFileError(error.message, { file }, error);
  }
  const resetPaths: KeyPath[] = [];
  const overridePaths: KeyPath[] = [];
  collectTaggedPaths(document.contents as Node | null, [], resetPaths, overridePaths);
  return { data, resetPaths, overridePaths, locate };
}

/** Position of the key for map entries (where a person looks), of the item for list entries. */
function locateIn(
  tree: { documents: Document.Parsed[]; lineCounter: LineCounter },
  index: number,
  path: KeyPath,
): SourcePosition | undefined {
  const document = tree.documents[index];
  if (document === undefined) return undefined;
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
  const { line, col } = tree.lineCounter.linePos(offset);
  return { line, column: col };
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
