import { homedir } from 'node:os';
import { GpuService } from '../../services/gpus/gpu-service';
import { dockerodeGpuAccess } from '../../services/gpus/docker-access';
import type { GpuEngine } from '../../services/gpus/gpu-service';
import { createDockerClient } from '../../services/docker/docker-client';
import { resolveEndpoint } from '../../services/docker/resolve-endpoint';
import { pingEngine } from '../../services/docker/connect-engine';
import type { CliCommand, CliContext } from '../command';
import { runGpusAssign } from './gpus-assign';
import { formatGpuOverview } from './gpus-format';

const USAGE = `Usage: berth gpus [--json]
       berth gpus assign PROJECT SERVICE IDS|--clear

Lists this machine's GPUs (NVIDIA through nvidia-smi, AMD through sysfs and rocm-smi, Apple and Intel through
systeminformation) with live readings, which compose services use them and how much memory, which services
request GPUs, conflicts between running stacks, and whether containers on the Docker engine can use GPUs: yes,
no or unknown, why, and how to fix it.

Options:
  --json   Print everything as JSON (the GpuOverview schema)

\`berth gpus assign\` pins GPUs (indexes or UUIDs, comma-separated) to a service, as the app's GPU page does;
--clear removes the pin. It takes effect on the next \`berth up\`.
`;

/** What `berth gpus` needs from outside; tests hand in fakes. */
export interface GpusCommandDeps {
  createService(context: CliContext): GpuService;
  /** The engine to ask; `docker: null` with a reason when none answers. */
  connect(context: CliContext): Promise<GpuEngine & { reason?: string }>;
}

async function connectToEngine(context: CliContext): Promise<GpuEngine & { reason?: string }> {
  try {
    const resolved = resolveEndpoint({ env: context.env, homeDir: context.env.HOME || homedir() });
    const docker = createDockerClient(resolved.target);
    await pingEngine(docker);
    return { docker: dockerodeGpuAccess(docker), engineIsLocal: resolved.endpoint.local };
  } catch (error) {
    return { docker: null, engineIsLocal: true, reason: `no Docker engine answered (${(error as Error).message}).` };
  }
}

export const DEFAULT_GPUS_DEPS: GpusCommandDeps = {
  createService: (context) => new GpuService({ env: context.env }),
  connect: connectToEngine,
};

export function createGpusCommand(deps: GpusCommandDeps): CliCommand {
  return {
    name: 'gpus',
    usage: USAGE,
    async run(args: string[], context: CliContext): Promise<number> {
      if (args[0] === 'assign') return runGpusAssign(args.slice(1), context);
      const unknown = args.filter((arg) => arg !== '--json');
      if (unknown.length > 0) {
        context.stderr.write(`berth gpus: unknown option ${unknown[0]}\n\n${USAGE}`);
        return 2;
      }
      const service = deps.createService(context);
      const engine = await deps.connect(context);
      try {
        const [overview, live] = await Promise.all([service.overview(engine), service.sampleMetrics().catch(() => [])]);
        for (const gpu of overview.inventory.gpus) {
          gpu.metrics = live.find((metrics) => metrics.gpuId === gpu.id) ?? gpu.metrics;
        }
        if (args.includes('--json')) context.stdout.write(`${JSON.stringify(overview, null, 2)}\n`);
        else context.stdout.write(formatGpuOverview(overview, engine.reason ?? null));
        return 0;
      } catch (error) {
        context.stderr.write(`berth gpus: ${(error as Error).message}\n`);
        return 1;
      }
    },
  };
}

export const gpusCommand: CliCommand = createGpusCommand(DEFAULT_GPUS_DEPS);
