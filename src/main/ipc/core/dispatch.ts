import { operations, type OperationName } from '@shared/contract';
import { BerthError, toErrorPayload, type Result } from '@shared/errors';
import type { OperationHandlers } from '../../handlers/handler-types';

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(operations, name);
}

/**
 * The transport-independent half of every call: validate the input against the contract, run the
 * service, check its output, and wrap everything (including failures) in a `Result`. Never throws,
 * so a malformed call can't take the main process down.
 */
export async function dispatch(
  handlers: OperationHandlers,
  name: unknown,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isOperationName(name)) {
    return {
      ok: false,
      error: { code: 'E_UNKNOWN_OPERATION', message: `Unknown operation: ${String(name).slice(0, 100)}` },
    };
  }
  const contract = operations[name];
  const parsed = contract.input.safeParse(rawInput);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'E_INVALID_INPUT',
        message: `Invalid input for ${name}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
        details: parsed.error.issues.map(({ path, message, code }) => ({ path: path.map(String), message, code })),
      },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    const output = await handler(parsed.data);
    const checked = contract.output.safeParse(output);
    if (!checked.success) {
      throw new BerthError('E_INTERNAL', `${name} returned data that does not match the contract`, {
        details: checked.error.issues.slice(0, 5),
      });
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  }
}
