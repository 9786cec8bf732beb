/** The `com.docker.compose.*` labels of a service container, exactly as Compose 2.26 writes them. */
import type { ComposeProject } from '../../model/project';
import { COMPOSE_LABELS } from '../../labels';
import { dependenciesOf } from '../plan/dependency-graph';
import { COMPOSE_COMPAT_VERSION } from '../naming';

export interface ContainerIdentity {
  service: string;
  number: number;
  configHash: string;
  imageId: string;
}

export function containerLabels(project: ComposeProject, identity: ContainerIdentity): Record<string, string> {
  return {
    [COMPOSE_LABELS.configHash]: identity.configHash,
    [COMPOSE_LABELS.containerNumber]: String(identity.number),
    [COMPOSE_LABELS.dependsOn]: dependsOnLabel(project, identity.service),
    [COMPOSE_LABELS.image]: identity.imageId,
    [COMPOSE_LABELS.oneoff]: 'False',
    [COMPOSE_LABELS.project]: project.name,
    [COMPOSE_LABELS.configFiles]: project.configFiles.join(','),
    [COMPOSE_LABELS.workingDir]: project.workingDir,
    [COMPOSE_LABELS.service]: identity.service,
    [COMPOSE_LABELS.version]: COMPOSE_COMPAT_VERSION,
  };
}

/** `service:condition:restart` per dependency, comma-separated (Compose lists them in map order; we sort). */
function dependsOnLabel(project: ComposeProject, service: string): string {
  return dependenciesOf(project.model, service)
    .map((dependency) => `${dependency.service}:${dependency.condition}:${dependency.restart}`)
    .join(',');
}

/** Labels of the project's networks and volumes. */
export function resourceLabels(
  project: string,
  kind: 'network' | 'volume',
  key: string,
  userLabels: Record<string, string> | undefined,
): Record<string, string> {
  return {
    ...userLabels,
    [kind === 'network' ? COMPOSE_LABELS.network : COMPOSE_LABELS.volume]: key,
    [COMPOSE_LABELS.project]: project,
    [COMPOSE_LABELS.version]: COMPOSE_COMPAT_VERSION,
  };
}
