import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';
import type { EngineEvent } from '@shared/schemas/engine';
import type { LogTarget } from '@shared/schemas/logs';
import { COMPOSE_LABELS } from '../compose/labels';
import { normalizeTimestamp } from './log-timestamp';

/** A container whose logs a session reads. */
export interface TargetContainer {
  id: string;
  name: string;
  service: string | null;
  project: string | null;
  /** `com.docker.compose.container-number`: with project and service, what a recreated container keeps. */
  number: string | null;
  tty: boolean;
  running: boolean;
  /** How its last run went, for the run markers: exit code (null while running), OOM, restarts, limit. */
  exitCode: number | null;
  oomKilled: boolean;
  /** The last exit, in the lines' timestamp form; null when it never exited. */
  finishedAt: string | null;
  restartCount: number;
  memoryLimitBytes: number | null;
}

/** Compose identity of a followed container, so its replacement (recreate, new id) is picked up. */
export interface ComposeAnchor {
  project: string;
  service: string;
  number: string | null;
}

export async function inspectTargetContainer(docker: Docker, id: string): Promise<TargetContainer | null> {
  try {
    const info = await docker.getContainer(id).inspect();
    const labels = info.Config?.Labels ?? {};
    return {
      id: info.Id,
      name: info.Name.replace(/^\//, ''),
      service: labels[COMPOSE_LABELS.service] ?? null,
      project: labels[COMPOSE_LABELS.project] ?? null,
      number: labels[COMPOSE_LABELS.containerNumber] ?? null,
      tty: Boolean(info.Config?.Tty),
      running: Boolean(info.State?.Running),
      // A restarting container counts as running, but its last run has ended with this code.
      exitCode: info.State?.Running && !info.State?.Restarting ? null : (info.State?.ExitCode ?? null),
      oomKilled: Boolean(info.State?.OOMKilled),
      finishedAt: info.State?.FinishedAt?.startsWith('0001-') ? null : normalizeTimestamp(info.State?.FinishedAt ?? ''),
      restartCount: info.RestartCount ?? 0,
      memoryLimitBytes: info.HostConfig?.Memory || null,
    };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return null;
    throw error;
  }
}

/** The target's containers now, oldest service/number first; a container target that doesn't exist is an error. */
export async function findTargetContainers(docker: Docker, target: LogTarget): Promise<TargetContainer[]> {
  if (target.kind === 'swarm-service') {
    // Its tasks' containers may run on other nodes: the engine merges them (swarm/service-logs-source.ts).
    throw new BerthError('E_INVALID_INPUT', `Swarm service ${target.name} has no containers of its own to read.`, {
      fix: "Read its logs through the swarm service logs stream (the Cluster page's Logs button, `berth stack logs`).",
    });
  }
  if (target.kind === 'container') {
    const container = await inspectTargetContainer(docker, target.id);
    if (!container) {
      throw new BerthError('E_NOT_FOUND', `No container "${target.id}" on this engine.`, {
        fix: 'Check the name or id with `docker ps -a`; the container may have been removed.',
      });
    }
    return [container];
  }
  const labels = [`${COMPOSE_LABELS.project}=${target.project}`];
  if (target.kind === 'service') labels.push(`${COMPOSE_LABELS.service}=${target.service}`);
  const listed = await docker.listContainers({ all: true, filters: { label: labels } });
  const services = target.kind === 'project' ? target.services : undefined;
  const wanted = listed.filter(
    (container) =>
      container.Labels?.[COMPOSE_LABELS.oneoff] !== 'True' &&
      (!services || services.includes(container.Labels?.[COMPOSE_LABELS.service] ?? '')),
  );
  const inspected = await Promise.all(wanted.map((container) => inspectTargetContainer(docker, container.Id)));
  return inspected.filter((container) => container !== null).sort(byServiceAndNumber);
}

function byServiceAndNumber(a: TargetContainer, b: TargetContainer): number {
  const service = (a.service ?? '').localeCompare(b.service ?? '');
  return service !== 0 ? service : Number(a.number ?? 0) - Number(b.number ?? 0);
}

export function anchorOf(container: TargetContainer): ComposeAnchor | null {
  return container.project && container.service
    ? { project: container.project, service: container.service, number: container.number }
    : null;
}

/** True when a container `start` event concerns the target: one of its containers, or a replacement of one. */
export function startEventMatches(target: LogTarget, anchor: ComposeAnchor | null, event: EngineEvent): boolean {
  if (event.type !== 'container' || event.action !== 'start') return false;
  const labels = event.attributes;
  if (labels[COMPOSE_LABELS.oneoff] === 'True') return target.kind === 'container' && event.id === target.id;
  switch (target.kind) {
    case 'container':
      if (event.id === target.id || event.id.startsWith(target.id)) return true;
      return (
        anchor !== null &&
        labels[COMPOSE_LABELS.project] === anchor.project &&
        labels[COMPOSE_LABELS.service] === anchor.service &&
        (labels[COMPOSE_LABELS.containerNumber] ?? null) === anchor.number
      );
    case 'service':
      return labels[COMPOSE_LABELS.project] === target.project && labels[COMPOSE_LABELS.service] === target.service;
    case 'project':
      return (
        labels[COMPOSE_LABELS.project] === target.project &&
        (!target.services || target.services.includes(labels[COMPOSE_LABELS.service] ?? ''))
      );
    case 'swarm-service':
      return false;
  }
}

/**
 * The target's containers as they are now, for following: a container target also finds the container that
 * replaced it (same project, service and number) after a recreate.
 */
export async function findCurrentContainers(
  docker: Docker,
  target: LogTarget,
  anchor: ComposeAnchor | null,
): Promise<TargetContainer[]> {
  if (target.kind !== 'container' || anchor === null) {
    return findTargetContainers(docker, target).catch((error: unknown) => {
      if (error instanceof BerthError && error.code === 'E_NOT_FOUND') return [];
      throw error;
    });
  }
  const siblings = await findTargetContainers(docker, {
    kind: 'service',
    project: anchor.project,
    service: anchor.service,
  });
  return siblings.filter((container) => container.number === anchor.number || container.id === target.id);
}
