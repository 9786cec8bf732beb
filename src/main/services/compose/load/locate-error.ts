/** Adds file/line/column to a loader error that only knows its key path, using the parsed YAML documents. */
import { BerthError } from '@shared/errors';
import type { ComposeErrorLocation } from '../errors/compose-errors';
import type { KeyPath } from '../util/plain-data';
import type { ParsedDocument } from '../yaml/parse-yaml';

export function withSourcePosition(
  error: unknown,
  documents: ReadonlyMap<string, ParsedDocument[]>,
  preferredFile?: string,
): unknown {
  if (!(error instanceof BerthError)) return error;
  const details = (error.details ?? {}) as ComposeErrorLocation;
  if (details.line !== undefined || details.path === undefined) return error;
  const keyPath = toKeyPath(details.path);
  const files = [...documents.keys()];
  const ordered =
    preferredFile === undefined ? files : [preferredFile, ...files.filter((file) => file !== preferredFile)];
  for (const file of ordered) {
    const parsed = documents.get(file) ?? [];
    for (let i = parsed.length - 1; i >= 0; i--) {
      const position = parsed[i]!.locate(keyPath);
      if (position === undefined) continue;
      return new BerthError(error.code, error.message, {
        fix: error.fix,
        cause: error.cause,
        details: { ...details, file, line: position.line, column: position.column },
      });
    }
  }
  return error;
}

/** `services.web.ports.[]` → ['services', 'web', 'ports'] (list wildcards end the concrete part). */
function toKeyPath(path: string): KeyPath {
  const keys: KeyPath = [];
  for (const part of path.split('.')) {
    if (part === '[]' || part === '*') break;
    keys.push(/^\d+$/.test(part) ? Number(part) : part);
  }
  return keys;
}
