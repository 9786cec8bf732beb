/** `berth gpus assign`: the GPU pin the app's GPU page makes, for scripts. */
import { AssignGpusInputSchema } from '@shared/schemas/projects';
import { GpuAssignmentsStore } from '../../services/compose/berth-overrides/gpu-assignments-store';
import { pinGpus } from '../../services/projects/pin-gpus';
import { cliEngine } from '../cli-engine';
import { cliCatalog } from '../cli-projects';
import type { CliContext } from '../command';
import { cliStateDir } from '../cli-state-dir';

export const GPUS_ASSIGN_USAGE = `Usage: berth gpus assign PROJECT SERVICE IDS
       berth gpus assign PROJECT SERVICE --clear

Pins GPUs to a service of a Compose project, as the GPU page of the app does: IDS are GPU indexes or UUIDs,
comma-separated (e.g. 0,1). Berth keeps the pin in its own state and runs it through its own override file,
never by editing your compose files; it takes effect on the next \`berth up\` (or up/recreate in the app).
--clear removes the pin, so the project's own GPU request applies again.
`;

function parseAssignArgs(args: string[]): { project: string; service: string; deviceIds: string[] | null } | string {
  if (args.length !== 3) return 'needs PROJECT, SERVICE and IDS (or --clear)';
  const [project, service, ids] = args as [string, string, string];
  const deviceIds = ids === '--clear' ? null : ids.split(',').map((id) => id.trim());
  if (deviceIds?.some((id) => id === '')) return `IDS must be comma-separated GPU indexes or UUIDs, not "${ids}"`;
  const parsed = AssignGpusInputSchema.safeParse({ project, service, deviceIds });
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
  }
  return parsed.data;
}

export async function runGpusAssign(args: string[], context: CliContext): Promise<number> {
  const input = parseAssignArgs(args);
  if (typeof input === 'string') {
    context.stderr.write(`berth gpus assign: ${input}\n\n${GPUS_ASSIGN_USAGE}`);
    return 2;
  }
  const { project, service, deviceIds } = input;
  const stateDir = cliStateDir(context);
  const catalog = cliCatalog(context, cliEngine(context));
  await pinGpus({ store: new GpuAssignmentsStore(stateDir), stateDir, catalog }, project, service, deviceIds);
  context.stdout.write(
    deviceIds
      ? `Pinned GPU ${deviceIds.join(',')} to ${project}/${service}; it takes effect on the next up.\n`
      : `Removed the GPU pin of ${project}/${service}; the project's own request applies on the next up.\n`,
  );
  return 0;
}
