import type { EngineEvent, EngineState } from '@shared/schemas/engine';

/** What these waits need from an EngineConnection. */
interface Observable {
  getState(): EngineState;
  onStateChange(listener: (state: EngineState) => void): () => void;
  onEvent(listener: (event: EngineEvent) => void): () => void;
}

/** Resolves with the first state (the current one included) that matches; rejects at the deadline with the last one. */
export function waitForState(
  connection: Observable,
  matches: (state: EngineState) => boolean,
  timeoutMs: number,
): Promise<EngineState> {
  return new Promise((resolve, reject) => {
    if (matches(connection.getState())) return resolve(connection.getState());
    const timer = setTimeout(() => {
      unsubscribe();
      reject(
        new Error(`no matching engine state within ${timeoutMs} ms; last: ${JSON.stringify(connection.getState())}`),
      );
    }, timeoutMs);
    const unsubscribe = connection.onStateChange((state) => {
      if (!matches(state)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(state);
    });
  });
}

/** Resolves with the first engine event that matches from now on; rejects at the deadline. */
export function waitForEvent(
  connection: Observable,
  matches: (event: EngineEvent) => boolean,
  timeoutMs: number,
): Promise<EngineEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no matching engine event within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = connection.onEvent((event) => {
      if (!matches(event)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(event);
    });
  });
}
