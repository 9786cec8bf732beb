import { describe, expect, it } from 'vitest';
import { operations, type OperationName } from '@shared/contract';
import { BerthError } from '@shared/errors';
import { OPERATION_NAMES } from '@shared/operation-names';
import { dispatch } from '../../../src/main/ipc/core/dispatch';
import type { OperationHandlers } from '../../../src/main/handlers/handler-types';

const MALFORMED_INPUTS: unknown[] = [
  42,
  'engine',
  true,
  [],
  [1, 2, 3],
  { unexpected: 'field' },
  { url: 42 },
  { url: 'x'.repeat(10_000) },
  JSON.parse('{"__proto__": {"polluted": true}, "url": 1}'),
  { nested: { deep: { deeper: [{}] } } },
  Symbol.for('not-serialisable'),
  () => 'a function',
];

function handlersThatRecordCalls(calls: string[]): OperationHandlers {
  const record = (name: OperationName) => () => {
    calls.push(name);
    throw new Error('a handler must not run for malformed input');
  };
  return Object.fromEntries(OPERATION_NAMES.map((name) => [name, record(name)])) as unknown as OperationHandlers;
}

describe('dispatch', () => {
  it('covers every operation named in operation-names.ts', () => {
    expect(Object.keys(operations).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it.each(OPERATION_NAMES)(
    'rejects malformed input to %s with E_INVALID_INPUT and never runs the handler',
    async (name) => {
      const calls: string[] = [];
      const handlers = handlersThatRecordCalls(calls);
      for (const input of MALFORMED_INPUTS) {
        if (operations[name].input.safeParse(input).success) continue;
        const result = await dispatch(handlers, name, input);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('E_INVALID_INPUT');
      }
      expect(calls).toEqual([]);
      // Every operation must reject at least most of the junk, or its schema is too loose.
      const rejected = MALFORMED_INPUTS.filter((input) => !operations[name].input.safeParse(input).success);
      expect(rejected.length).toBeGreaterThanOrEqual(MALFORMED_INPUTS.length - 1);
    },
  );

  it('rejects unknown operation names, including prototype keys', async () => {
    const handlers = handlersThatRecordCalls([]);
    for (const name of ['nope.nothing', '__proto__', 'constructor', 'toString', 42, null]) {
      const result = await dispatch(handlers, name, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_OPERATION' } });
    }
  });

  it('passes valid input through and returns the handler value', async () => {
    const handlers = {
      ...handlersThatRecordCalls([]),
      'app.openExternal': ({ url }: { url: string }) => ({ opened: url.startsWith('http://localhost') }),
    } as OperationHandlers;
    const result = await dispatch(handlers, 'app.openExternal', { url: 'http://localhost:5000' });
    expect(result).toEqual({ ok: true, value: { opened: true } });
  });

  it('turns a BerthError into an error payload with its code and fix', async () => {
    const handlers = {
      ...handlersThatRecordCalls([]),
      'containers.list': () => {
        throw new BerthError('E_ENGINE_UNREACHABLE', 'connect ENOENT /var/run/docker.sock', { fix: 'Start Docker.' });
      },
    } as OperationHandlers;
    const result = await dispatch(handlers, 'containers.list', undefined);
    expect(result).toEqual({
      ok: false,
      error: { code: 'E_ENGINE_UNREACHABLE', message: 'connect ENOENT /var/run/docker.sock', fix: 'Start Docker.' },
    });
  });

  it('reports output that breaks the contract as E_INTERNAL instead of sending it', async () => {
    const handlers = {
      ...handlersThatRecordCalls([]),
      'containers.list': () => [{ id: 1 }],
    } as unknown as OperationHandlers;
    const result = await dispatch(handlers, 'containers.list', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
  });
});
