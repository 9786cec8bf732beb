import { useSyncExternalStore } from 'react';

/** One timer for every uptime on screen; running only while something shows one and the window is visible. */
const TICK_MS = 15_000;

let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function startOrStop(): void {
  const wanted = listeners.size > 0 && document.visibilityState !== 'hidden';
  if (wanted && timer === null) {
    tick();
    timer = setInterval(tick, TICK_MS);
  } else if (!wanted && timer !== null) {
    clearInterval(timer);
    timer = null;
  }
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) document.addEventListener('visibilitychange', startOrStop);
  listeners.add(listener);
  startOrStop();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) document.removeEventListener('visibilitychange', startOrStop);
    startOrStop();
  };
}

/** The time, refreshed every 15 s by the one shared timer: re-renders the caller on each tick. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
