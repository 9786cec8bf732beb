/**
 * Substitutes variables in every string value of one parsed file (never in keys), then applies the type casts.
 * Errors name the key path the way Compose does (`services.web.ports.[]`).
 */
import { composeInvalidError } from '../errors/compose-errors';
import { isPlainMap } from '../util/plain-data';
import { castFor, CastError } from './type-casts';
import { InvalidTemplateError, substitute, type SubstitutionOptions, type VariableLookup } from './template';

export const LIST_ITEM = '[]';

export interface InterpolationContext extends SubstitutionOptions {
  lookup: VariableLookup;
  file?: string;
}

export function interpolateTree(value: unknown, context: InterpolationContext, path: string[] = []): unknown {
  if (typeof value === 'string') return interpolateString(value, context, path);
  if (Array.isArray(value)) return value.map((item) => interpolateTree(item, context, [...path, LIST_ITEM]));
  if (isPlainMap(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = interpolateTree(item, context, [...path, key]);
    return out;
  }
  return value;
}

function interpolateString(value: string, context: InterpolationContext, path: string[]): unknown {
  const where = path.join('.');
  let substituted: string;
  try {
    substituted = substitute(value, context.lookup, context);
  } catch (error) {
    if (error instanceof InvalidTemplateError) {
      throw composeInvalidError(
        `invalid interpolation format for ${where}.\nYou may need to escape any $ with another $.\n${error.template}`,
        { file: context.file, path: where },
        error,
      );
    }
    throw composeInvalidError(`error while interpolating ${where}: ${(error as Error).message}`, {
      file: context.file,
      path: where,
    });
  }
  const cast = castFor(path);
  if (cast === undefined) return substituted;
  try {
    return cast(substituted);
  } catch (error) {
    if (!(error instanceof CastError)) throw error;
    throw composeInvalidError(
      `error while interpolating ${where}: failed to cast to expected type: ${error.message}`,
      { file: context.file, path: where },
      error,
    );
  }
}
