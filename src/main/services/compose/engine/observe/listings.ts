/** `ps` and `ls`: the project's containers, and every Compose project on the engine, found by labels. */
import type Docker from 'dockerode';
import { COMPOSE_LABELS } from '../../labels';
import { listProjectContainers, toObservedContainer, type ObservedContainer } from './observed-state';
import { ordinalCompare } from '@shared/ordinal-compare';

export interface ServiceContainerRow {
  name: string;
  service: string;
  number: number;
  image: string;
  state: string;
  status: string;
  /** e.g. `127.0.0.1:8080->80/tcp`. */
  ports: string[];
  id: string;
}

export interface ProjectRow {
  name: string;
  /** Compose's summary: `running(2)`, or `exited(1), running(2)`. */
  status: string;
  configFiles: string;
  workingDir: string;
  containers: number;
}

export async function listServiceContainers(docker: Docker, project: string): Promise<ServiceContainerRow[]> {
  return (await listProjectContainers(docker, project)).map(toRow);
}

function toRow(container: ObservedContainer): ServiceContainerRow {
  return {
    name: container.name,
    service: container.service,
    number: container.number,
    image: container.image,
    state: container.state,
    status: container.status,
    ports: container.ports
      .filter((port) => port.PublicPort)
      .map((port) => `${port.IP ? `${port.IP}:` : ''}${port.PublicPort}->${port.PrivatePort}/${port.Type}`),
    id: container.id,
  };
}

export async function listProjects(docker: Docker): Promise<ProjectRow[]> {
  const containers = (await docker.listContainers({ all: true, filters: { label: [COMPOSE_LABELS.project] } })).map(
    toObservedContainer,
  );
  const byProject = new Map<string, ObservedContainer[]>();
  for (const container of containers) {
    const project = container.labels[COMPOSE_LABELS.project]!;
    byProject.set(project, [...(byProject.get(project) ?? []), container]);
  }
  return [...byProject.entries()]
    .sort(([a], [b]) => ordinalCompare(a, b))
    .map(([name, members]) => ({
      name,
      status: statusSummary(members),
      configFiles: members[0]?.labels[COMPOSE_LABELS.configFiles] ?? '',
      workingDir: members[0]?.labels[COMPOSE_LABELS.workingDir] ?? '',
      containers: members.length,
    }));
}

function statusSummary(containers: ObservedContainer[]): string {
  const counts = new Map<string, number>();
  for (const container of containers) counts.set(container.state, (counts.get(container.state) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => ordinalCompare(a, b))
    .map(([state, count]) => `${state}(${count})`)
    .join(', ');
}
