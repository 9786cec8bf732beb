import type { ComposeProject, LoadOptions } from '../services/compose/load';
import { GpuAssignmentsStore } from '../services/compose/berth-overrides/gpu-assignments-store';
import { loadProjectWithOverrides } from '../services/compose/berth-overrides/load-with-overrides';
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
    { stateDir, gpuAssignments: new GpuAssignmentsStore(stateDir) },
  );
}
