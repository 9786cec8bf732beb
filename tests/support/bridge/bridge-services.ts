import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createBerth, type Berth } from '../../../src/main/composition-root';
import type { Desktop } from '../../../src/main/handlers/desktop';

export interface BridgeServices {
  berth: Berth;
  /** The contract's handlers, as the bridge serves them (the same as Electron main's). */
  operations: Berth['operations'];
  streams: Berth['streams'];
  /** URLs the UI asked to open (after the allowlist); the bridge records them instead of launching a browser. */
  openedUrls: string[];
  /** The throwaway home directory this run uses for Berth's state. */
  homeDir: string;
  /** Where the volume browser's "save as" lands: the suggested name in `downloadsDir`, or null to act as a cancel. */
  downloadsDir: string | null;
  /** What the next "choose a folder" dialog answers; null acts as a cancel. */
  pickedFolder: string | null;
  /** Host paths the UI asked to show in the file manager; recorded instead of opening one. */
  revealedPaths: string[];
  /** System notifications main raised (a service died…); recorded instead of shown. */
  notifications: Array<{ title: string; body: string }>;
  dispose(): Promise<void>;
}

/** The real main-process services and handlers with a throwaway home directory and a desktop that records. */
export async function createBridgeServices(env: NodeJS.ProcessEnv = process.env): Promise<BridgeServices> {
  const homeDir = await mkdtemp(path.join(os.tmpdir(), 'berth-e2e-home-'));
  const bridge = {
    openedUrls: [] as string[],
    revealedPaths: [] as string[],
    downloadsDir: path.join(homeDir, 'Downloads') as string | null,
    pickedFolder: null as string | null,
    notifications: [] as Array<{ title: string; body: string }>,
  };
  const desktop: Desktop = {
    pickFolder: async () => bridge.pickedFolder,
    chooseSavePath: async (suggestedName) => {
      if (!bridge.downloadsDir) return null;
      await mkdir(bridge.downloadsDir, { recursive: true });
      return path.join(bridge.downloadsDir, suggestedName);
    },
    showInFolder: (hostPath) => void bridge.revealedPaths.push(hostPath),
    openExternal: async (url) => void bridge.openedUrls.push(url),
    notify: (title, body) => void bridge.notifications.push({ title, body }),
  };
  const berth = createBerth({
    // Berth's state (projects, GPU pins) in the throwaway home, never the machine's, unless the test chose a place.
    env: {
      ...env,
      XDG_STATE_HOME: chosenStateHome(env) ?? path.join(homeDir, '.local', 'state'),
      // Host shells are bash, as an interactive user's would be, wherever the tests run: the keyboard tests edit a
      // command line, and a CI machine's passwd may name /bin/sh (dash, no line editing) for its user.
      SHELL: env.SHELL || '/bin/bash',
    },
    homeDir,
    templatesDir: path.resolve(__dirname, '../../../resources/templates'),
    desktop,
  });
  await berth.start();
  return Object.assign(bridge, {
    berth,
    operations: berth.operations,
    streams: berth.streams,
    homeDir,
    dispose: async () => {
      await berth.dispose();
      await rm(homeDir, { recursive: true, force: true });
    },
  });
}

/** An XDG_STATE_HOME the caller set on purpose (not merely inherited from this process's environment). */
function chosenStateHome(env: NodeJS.ProcessEnv): string | undefined {
  return env.XDG_STATE_HOME !== process.env.XDG_STATE_HOME ? env.XDG_STATE_HOME : undefined;
}
