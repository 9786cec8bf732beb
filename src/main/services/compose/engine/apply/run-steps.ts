/**
 * Runs a plan's steps as a graph: every step whose predecessors have finished starts at once. The first failure
 * stops new steps from starting; the ones running finish, then the failure is thrown. Cancellation works the same.
 * (How many engine requests run at once is the steps' business: see engine-slots.ts.)
 */
import { BerthError } from '@shared/errors';
import type { Step } from '../plan/steps';

export async function runSteps(steps: Step[], run: (step: Step) => Promise<void>, signal?: AbortSignal): Promise<void> {
  const pending = new Map(steps.map((step) => [step.id, step]));
  const done = new Set<string>();
  const running = new Map<string, Promise<void>>();
  let failure: unknown = null;
  const aborted = signal ? abortPromise(signal) : null;

  const known = new Set(steps.map((step) => step.id));
  const ready = () => [...pending.values()].filter((step) => step.after.every((id) => done.has(id) || !known.has(id)));

  while (pending.size > 0 || running.size > 0) {
    if (failure === null && signal?.aborted) failure = cancelled(signal);
    if (failure === null) {
      for (const step of ready()) {
        pending.delete(step.id);
        running.set(
          step.id,
          run(step).then(
            () => {
              done.add(step.id);
              running.delete(step.id);
            },
            (error: unknown) => {
              failure ??= error;
              running.delete(step.id);
            },
          ),
        );
      }
    }
    if (running.size === 0) {
      if (failure !== null || pending.size === 0) break;
      throw new BerthError('E_INTERNAL', `plan has steps that can never run: ${[...pending.keys()].join(', ')}`);
    }
    // Once failed (or cancelled), only the running steps are awaited; the abort has nothing left to interrupt.
    await Promise.race([...running.values(), ...(aborted && failure === null ? [aborted] : [])]);
  }
  if (failure !== null) throw failure;
}

export function cancelled(signal: AbortSignal): BerthError {
  const reason = signal.reason;
  if (reason instanceof BerthError) return reason;
  return new BerthError('E_CANCELLED', 'The operation was cancelled.', { fix: 'Run it again when you are ready.' });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled(signal);
}

function abortPromise(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
