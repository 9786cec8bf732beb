import type Docker from 'dockerode';
import { ContainerStateSchema, type ContainerSummary } from '@shared/schemas/containers';
import { COMPOSE_LABELS } from '../compose/labels';

type Health = ContainerSummary['health'];

/** `Up 3 minutes (healthy)` → `healthy`; the list endpoint only reports health in the status text. */
function healthFromStatus(status: string): Health {
  const match = /\((healthy|unhealthy|health: starting)\)/.exec(status);
  if (!match) return null;
  return match[1] === 'health: starting' ? 'starting' : (match[1] as Health);
}

function composeIdentity(labels: Record<string, string>): ContainerSummary['compose'] {
  const project = labels[COMPOSE_LABELS.project];
  const service = labels[COMPOSE_LABELS.service];
  if (!project || !service) return null;
  const number = Number.parseInt(labels[COMPOSE_LABELS.containerNumber] ?? '', 10);
  const configFiles = labels[COMPOSE_LABELS.configFiles];
  return {
    project,
    service,
    containerNumber: Number.isFinite(number) ? number : null,
    oneoff: labels[COMPOSE_LABELS.oneoff] === 'True',
    workingDir: labels[COMPOSE_LABELS.workingDir] ?? null,
    configFiles: configFiles ? configFiles.split(',') : [],
  };
}

function publishedPorts(ports: Docker.Port[] | undefined): ContainerSummary['ports'] {
  const seen = new Set<string>();
  const result: ContainerSummary['ports'] = [];
  for (const port of ports ?? []) {
    if (!port.PublicPort) continue;
    const protocol = port.Type === 'udp' || port.Type === 'sctp' ? port.Type : 'tcp';
    const hostIp = port.IP ?? '0.0.0.0';
    const key = `${hostIp}:${port.PublicPort}:${port.PrivatePort}/${protocol}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ hostIp, hostPort: port.PublicPort, containerPort: port.PrivatePort, protocol });
  }
  return result;
}

/** `Exited (137) 2 minutes ago` → 137; the list endpoint reports the exit code only in the status text. */
function exitCodeFromStatus(status: string): number | null {
  const match = /^Exited \((-?\d+)\)/.exec(status);
  return match ? Number(match[1]) : null;
}

/** Maps one entry of the engine's container list to the shape the UI shows. */
export function toContainerSummary(info: Docker.ContainerInfo): ContainerSummary {
  const state = ContainerStateSchema.safeParse(info.State);
  const labels = info.Labels ?? {};
  return {
    id: info.Id,
    name: (info.Names?.[0] ?? info.Id.slice(0, 12)).replace(/^\//, ''),
    image: info.Image,
    state: state.success ? state.data : 'dead',
    status: info.Status ?? '',
    health: healthFromStatus(info.Status ?? ''),
    createdAt: info.Created * 1000,
    // The list endpoint has none of these; inspect fills them in (diagnostics/container-inspector.ts).
    startedAt: null,
    finishedAt: null,
    exitCode: exitCodeFromStatus(info.Status ?? ''),
    oomKilled: false,
    restartCount: 0,
    diagnosis: null,
    ports: publishedPorts(info.Ports),
    compose: composeIdentity(labels),
  };
}
