import { access } from 'node:fs/promises';
import type { ComposeProject, LoadOptions } from '../services/compose/load';
import { loadProjectWithOverrides, type GpuPins } from '../services/compose/berth-overrides/load-with-overrides';
import { gpuAssignmentsFile } from '../services/compose/berth-overrides/state-dir';
import type { CliContext } from './command';
import { cliStateDir } from './cli-state-dir';

/**
 * Loads the project the command line names, plus the override Berth writes for GPUs pinned in the app, so
 * `berth up`, `ps`, `config`… see what the app would run.
 */
export function loadCliProject(
  context: CliContext,
  options: Omit<LoadOptions, 'workingDir' | 'env' | 'onWarning'>,
): Promise<ComposeProject> {
  const stateDir = cliStateDir(context);
  return loadProjectWithOverrides(
    {
      ...options,
      workingDir: context.cwd,
      env: context.env,
      onWarning: (message) => context.stderr.write(`WARN ${message}\n`),
    },
    { stateDir, gpuAssignments: pinsIn(stateDir) },
  );
}

/** The pins store, loaded (with its schema library) only when there is a pins file: most runs have none. */
function pinsIn(stateDir: string): GpuPins {
  return {
    async forProject(project) {
      const exists = await access(gpuAssignmentsFile(stateDir)).then(
        () => true,
        () => false,
      );
      if (!exists) return {};
      const { GpuAssignmentsStore } = await import('../services/compose/berth-overrides/gpu-assignments-store');
      return new GpuAssignmentsStore(stateDir).forProject(project);
    },
  };
}
