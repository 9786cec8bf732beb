import type { SaveLocationPicker } from '../services/volumes/transfer-source';

/**
 * What Berth asks of the desktop it runs on. Electron main provides the real one (dialogs, the shell); the test
 * bridge records and answers instead; a headless host has none. Handlers are written once, against this port.
 */
export interface Desktop extends SaveLocationPicker {
  /** A folder the user picked, or null when they cancelled. */
  pickFolder(purpose: 'open' | 'create'): Promise<string | null>;
  /** Shows a local path in the OS file manager (reveal only: never opens or runs anything). */
  showInFolder(hostPath: string): void | Promise<void>;
  /** Opens a URL that already passed the allowlist, in the user's browser. */
  openExternal(url: string): Promise<void>;
  /** A system notification (a service died…); the app shows its own toast as well. */
  notify(title: string, body: string): void;
}

/** No desktop: dialogs answer "cancelled", nothing is revealed or opened. */
export const HEADLESS_DESKTOP: Desktop = {
  pickFolder: async () => null,
  chooseSavePath: async () => null,
  showInFolder: () => {},
  openExternal: async () => {},
  notify: () => {},
};
