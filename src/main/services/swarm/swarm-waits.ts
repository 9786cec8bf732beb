/**
 * Waiting for the swarm to reach a state (tasks running, tasks gone). Each engine event re-checks at once; as Swarm
 * emits no events for tasks on other nodes, a slow fallback re-check catches those.
 */
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import { subscribeToEvents, type EventsSubscription } from '../docker/events-subscription';

export interface WaitOptions {
  timeoutMs: number;
  /** Re-check this often without events (tasks on other nodes). */
  fallbackMs?: number;
  signal?: AbortSignal;
  /** Words for the timeout error: "the tasks of stack x to stop". */
  what: string;
}

const DEFAULT_FALLBACK_MS = 1_000;
const EVENT_DEBOUNCE_MS = 20;

/** Resolves with the first value `check` returns that isn't undefined. */
export async function waitForSwarm<T>(
  docker: Docker,
  check: () => Promise<T | undefined>,
  options: WaitOptions,
): Promise<T> {
  const first = await check();
  if (first !== undefined) return first;
  let events: EventsSubscription | undefined;
  let timer: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  let checking = false;
  let again = false;
  let onAbort: (() => void) | undefined;
  let settled = false;
  try {
    return await new Promise<T>((resolve, reject) => {
      const run = async () => {
        if (checking) {
          again = true;
          return;
        }
        checking = true;
        try {
          do {
            again = false;
            const value = await check();
            if (value !== undefined) return resolve(value);
          } while (again);
        } catch (error) {
          reject(error);
        } finally {
          checking = false;
        }
        schedule(options.fallbackMs ?? DEFAULT_FALLBACK_MS);
      };
      const schedule = (ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(() => void run(), ms);
      };
      deadline = setTimeout(
        () =>
          reject(
            new BerthError(
              'E_ENGINE_ERROR',
              `Timed out after ${Math.round(options.timeoutMs / 1000)} s waiting for ${options.what}.`,
              {
                fix: 'Look at the tasks (berth stack ps STACK) for the reason, e.g. an image that cannot be pulled or too few resources.',
              },
            ),
          ),
        options.timeoutMs,
      );
      onAbort = () => reject(options.signal?.reason ?? new BerthError('E_CANCELLED', 'Cancelled.'));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      subscribeToEvents(docker, {
        onEvent: (event) => !event.action.startsWith('exec_') && schedule(EVENT_DEBOUNCE_MS),
        onEnd: () => {},
      })
        .then((subscription) => {
          if (settled) return subscription.close();
          events = subscription;
          schedule(0);
        })
        .catch(() => schedule(0));
    });
  } finally {
    settled = true;
    clearTimeout(timer);
    clearTimeout(deadline);
    events?.close();
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
  }
}
