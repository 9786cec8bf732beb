import { useEffect } from 'react';
import { api, subscribe } from '../../lib/api';
import { useBerthStore } from '../../stores/store';

async function reloadContainers(): Promise<void> {
  const result = await api.containers.list();
  if (result.ok) useBerthStore.getState().replaceContainers(result.value);
}

/**
 * Keeps the store in step with the engine from its event stream: the full container list is
 * loaded on every (re)connect and after a resync; every change after that arrives as an event.
 */
export function useEngineSync(): void {
  useEffect(() => {
    let wasConnected = false;
    let unsubscribe: (() => void) | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      unsubscribe = subscribe('events', undefined, {
        onMessage(message) {
          const store = useBerthStore.getState();
          if (message.type === 'state') {
            store.setEngine(message.state);
            const connected = message.state.status === 'connected';
            if (connected && !wasConnected) void reloadContainers();
            wasConnected = connected;
          } else if (message.type === 'container') {
            store.upsertContainer(message.id, message.container);
          } else if (message.type === 'resync') {
            void reloadContainers();
          }
        },
        onClose() {
          // The main process ended the stream (it restarted its services): open a new one.
          wasConnected = false;
          retry = setTimeout(open, 1_000);
        },
      });
    };
    open();
    return () => {
      clearTimeout(retry);
      unsubscribe?.();
    };
  }, []);
}
