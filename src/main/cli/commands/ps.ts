/** `berth ps`: the project's containers, found by Compose's labels (so projects started by docker compose too). */
import type { Diagnosis } from '@shared/schemas/containers';
import { COMPOSE_GLOBAL_FLAGS_USAGE } from '../compose-flags';
import { listServiceContainers, type ServiceContainerRow } from '../../services/compose/engine/observe/listings';
import { mapLimited } from '../../services/containers/map-limited';
import { inspectorFor, type Inspected } from '../../services/diagnostics/container-inspector';
import { composeCommand, flag } from './compose-command';
import { formatTable } from './compose-table';

const USAGE = `Usage: berth ${COMPOSE_GLOBAL_FLAGS_USAGE} ps [OPTIONS] [SERVICE...]

List the project's containers, running or not. A container that failed says why in STATUS
(exited (137) · OOM-killed, crash loop · 7 restarts · last exit 3, running · unhealthy: <check output>).

Options:
  -a, --all    Accepted for docker compose compatibility (stopped containers are always listed)
      --json   Print the containers as JSON, with exitCode, oomKilled, restartCount, health, healthOutput and
               the full diagnosis
`;

interface PsRow extends ServiceContainerRow {
  exitCode: number | null;
  oomKilled: boolean;
  restartCount: number;
  health: 'starting' | 'healthy' | 'unhealthy' | null;
  /** What the last healthcheck printed. */
  healthOutput: string | null;
  diagnosis: Diagnosis | null;
}

export const psCommand = composeCommand({
  name: 'ps',
  usage: USAGE,
  options: { booleans: { '--json': 'json', '-a': 'all', '--all': 'all' } },
  async execute(session, options) {
    const name = session.flags.projectName ?? (await session.loadProject()).name;
    const services = options.positionals;
    const listed = (await listServiceContainers(session.docker, name)).filter(
      (row) => services.length === 0 || services.includes(row.service),
    );
    const inspector = inspectorFor(session.docker);
    const rows = await mapLimited(listed, 8, async (row) =>
      withDiagnosis(row, await inspector.inspectFresh(row.id).catch(() => null)),
    );
    if (flag(options, 'json')) session.context.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else session.context.stdout.write(formatTable(['NAME', 'SERVICE', 'IMAGE', 'STATUS', 'PORTS'], rows.map(columns)));
    return 0;
  },
});

function withDiagnosis(row: ServiceContainerRow, inspected: Inspected | null): PsRow {
  const health = inspected?.facts.health ?? null;
  return {
    ...row,
    exitCode: inspected?.facts.exitCode ?? null,
    oomKilled: inspected?.facts.oomKilled ?? false,
    restartCount: inspected?.facts.restartCount ?? 0,
    health: health?.status ?? null,
    healthOutput: health?.log[health.log.length - 1]?.output ?? null,
    diagnosis: inspected?.diagnosis ?? null,
  };
}

/** The engine's status while all is well; the reason when not (`exited (137) · OOM-killed · 2 minutes ago`). */
export function statusColumn(row: PsRow): string {
  const diagnosis = row.diagnosis;
  if (!diagnosis || diagnosis.severity === 'ok') return row.status;
  const age = /^(?:Exited|Restarting) \(-?\d+\) (.+ ago)$/.exec(row.status)?.[1];
  return age ? `${diagnosis.label} · ${age}` : diagnosis.label;
}

function columns(row: PsRow): string[] {
  return [row.name, row.service, row.image, statusColumn(row), row.ports.join(', ')];
}
