import path from 'node:path';

/**
 * Berth's state shared by the app and the `berth` CLI (overrides it writes, GPU assignments), so a GPU assigned
 * in the app is what `berth up` runs too: `$XDG_STATE_HOME/berth`, else `~/.local/state/berth`.
 */
export function berthStateDir(env: Record<string, string | undefined>, homeDir: string): string {
  return path.join(env.XDG_STATE_HOME || path.join(homeDir, '.local', 'state'), 'berth');
}

/** Where the GPU pins made in the app or with `berth gpus assign` are kept. */
export function gpuAssignmentsFile(stateDir: string): string {
  return path.join(stateDir, 'gpu-assignments.json');
}

/** Where Berth writes the Compose override files it owns for `project`. */
export function overrideFilePath(stateDir: string, project: string, purpose: 'without-gpu' | 'gpu-assignment'): string {
  return path.join(stateDir, 'overrides', `${project}.${purpose}.yaml`);
}
