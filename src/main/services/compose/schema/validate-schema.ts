/**
 * Validates the merged model of each file against the Compose Specification schema and words the most
 * specific error the way Compose does (`services.web Additional property foo is not allowed`), with the
 * file, line and column of the offending key when the YAML still knows it.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { composeInvalidError } from '../errors/compose-errors';
import { toJsonData, UnsupportedJsonValueError } from '../util/go-scalars';
import type { KeyPath, PlainMap } from '../util/plain-data';
import type { ParsedDocument } from '../yaml/parse-yaml';
// Compiled ahead of time from compose-spec-schema.ts by scripts/generate-compose-validator.ts.
import { validate as generatedValidator } from './compose-spec-validator.generated';

const ROOT_FIELD = '(root)';
const validator = (): ValidateFunction => generatedValidator as ValidateFunction;

export function validateAgainstSchema(model: PlainMap, file: string, documents: readonly ParsedDocument[]): void {
  const validate = validator();
  // Compose validates the JSON form of the model: timestamps are strings there, and infinities cannot be written.
  let data: unknown;
  try {
    data = toJsonData(model, { bigIntAsNumber: true });
  } catch (error) {
    if (!(error instanceof UnsupportedJsonValueError)) throw error;
    throw composeInvalidError(`validating ${file}: ${error.message}`, { file });
  }
  if (validate(data)) return;
  const error = mostSpecificError(validate.errors ?? []);
  if (error === undefined) return;
  const keyPath = instanceKeyPath(error);
  const field = keyPath.length === 0 ? ROOT_FIELD : keyPath.join('.');
  const position = locate(
    documents,
    error.keyword === 'additionalProperties' ? [...keyPath, additionalKey(error)] : keyPath,
  );
  throw composeInvalidError(`validating ${file}: ${field} ${describe(error)}`, {
    file,
    line: position?.line,
    column: position?.column,
    path: field,
  });
}

function mostSpecificError(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const candidates = errors.filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'anyOf');
  let best: ErrorObject | undefined;
  for (const error of candidates.length > 0 ? candidates : errors) {
    if (best === undefined) {
      best = error;
      continue;
    }
    const depth = instanceKeyPath(error).length;
    const bestDepth = instanceKeyPath(best).length;
    if (depth > bestDepth || (depth === bestDepth && error.keyword === 'type' && best.keyword !== 'type')) best = error;
  }
  return best;
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `Additional property ${additionalKey(error)} is not allowed`;
    case 'type':
      return `must be a ${humanType(params.type)}`;
    case 'required':
      return `${String(params.missingProperty)} is required`;
    case 'enum':
      return `must be one of the following: ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'uniqueItems':
      return 'array items must be unique';
    default:
      return error.message ?? 'is invalid';
  }
}

function humanType(type: unknown): string {
  const names = (Array.isArray(type) ? type : String(type).split(',')).map((name) =>
    name === 'object' ? 'mapping' : name === 'array' ? 'list' : String(name),
  );
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function additionalKey(error: ErrorObject): string {
  return String((error.params as { additionalProperty?: unknown }).additionalProperty);
}

function instanceKeyPath(error: ErrorObject): string[] {
  if (error.instancePath === '') return [];
  return error.instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function locate(documents: readonly ParsedDocument[], path: string[]) {
  const keyPath: KeyPath = path.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  for (let i = documents.length - 1; i >= 0; i--) {
    const position = documents[i]!.locate(keyPath);
    if (position !== undefined) return position;
  }
  return undefined;
}
