/**
 * Substitutes variables in every string value of one parsed file (never in keys), then applies the type casts.
 * Errors name the key path the way Compose does (`services.web.ports.[]`).
 */
import { composeInvalidError } from '../errors/compose-errors';
import { emptyMap, isPlainMap } from '../util/plain-data';
import { castFor, CastError } from './type-casts';
import { InvalidTemplateError, substitute, type SubstitutionOptions, type VariableLookup } from './template';

export const LIST_ITEM = '[]';

export interface InterpolationContext extends SubstitutionOptions {
  lookup: VariableLookup;
  file?: string;
  /** Maps a concrete key path (list indexes as numbers) back to a line and column. */
  locate?: (keyPath: (string | number)[]) => { line: number; column: number } | undefined;
}

export function interpolateTree(value: unknown, context: InterpolationContext): unknown {
  return interpolateValue(value, context, [], []);
}

/** `path` is the pattern form used in messages and casts (`[]` for list items); `keyPath` the concrete one. */
function interpolateValue(
  value: unknown,
  context: InterpolationContext,
  path: string[],
  keyPath: (string | number)[],
): unknown {
  if (typeof value === 'string') return interpolateString(value, context, path, keyPath);
  if (Array.isArray(value)) {
    return value.map((item, index) => interpolateValue(item, context, [...path, LIST_ITEM], [...keyPath, index]));
  }
  if (isPlainMap(value)) {
    const out = emptyMap();
    for (const [key, item] of Object.entries(value))
      out[key] = interpolateValue(item, context, [...path, key], [...keyPath, key]);
    return out;
  }
  return value;
}

function interpolateString(
  value: string,
  context: InterpolationContext,
  path: string[],
  keyPath: (string | number)[],
): unknown {
  const where = path.join('.');
  const location = () => ({ file: context.file, path: where, ...context.locate?.(keyPath) });
  let substituted: string;
  try {
    substituted = substitute(value, context.lookup, context);
  } catch (error) {
    if (error instanceof InvalidTemplateError) {
      throw composeInvalidError(
        `invalid interpolation format for ${where}.\nYou may need to escape any $ with another $.\n${error.template}`,
        location(),
        error,
      );
    }
    throw composeInvalidError(`error while interpolating ${where}: ${(error as Error).message}`, location(), error);
  }
  const cast = castFor(path);
  if (cast === undefined) return substituted;
  try {
    return cast(substituted);
  } catch (error) {
    if (!(error instanceof CastError)) throw error;
    throw composeInvalidError(
      `error while interpolating ${where}: failed to cast to expected type: ${error.message}`,
      location(),
      error,
    );
  }
}
