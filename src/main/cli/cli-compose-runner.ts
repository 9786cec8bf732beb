import { GpuAssignmentsStore } from '../services/compose/berth-overrides/gpu-assignments-store';
import { engineLockDir, ProjectLocks } from '../services/compose/engine/operation-lock';
import { GpuService } from '../services/gpus/gpu-service';
import { ComposeRunner } from '../services/projects/compose-runner';
import { homeOf, type CliEngine } from './cli-engine';
import { cliStateDir } from './cli-state-dir';
import type { CliContext } from './command';

/** The compose runner the app uses, for one command line: same overrides, credentials and GPU verdict. */
export function cliComposeRunner(context: CliContext, engine: CliEngine): ComposeRunner {
  const stateDir = cliStateDir(context);
  return new ComposeRunner({
    docker: () => engine.docker,
    engineIsLocal: () => engine.endpoint.local,
    env: context.env,
    homeDir: homeOf(context),
    overrides: { stateDir, gpuAssignments: new GpuAssignmentsStore(stateDir) },
    locks: new ProjectLocks({ lockDir: () => engineLockDir(stateDir, engine.endpoint.address) }),
    gpus: new GpuService({ env: context.env }),
  });
}
