/** The labels and names `docker stack deploy` gives a stack's objects, so the docker CLI and Berth share stacks. */

export const STACK_NAMESPACE_LABEL = 'com.docker.stack.namespace';
/** The image as the Compose file wrote it (before a digest is pinned). */
export const STACK_IMAGE_LABEL = 'com.docker.stack.image';

/** Labels Swarm puts on every task container. */
export const SWARM_TASK_LABELS = {
  serviceId: 'com.docker.swarm.service.id',
  serviceName: 'com.docker.swarm.service.name',
  taskId: 'com.docker.swarm.task.id',
  taskName: 'com.docker.swarm.task.name',
  nodeId: 'com.docker.swarm.node.id',
} as const;

/** `<stack>_<name>`: services, and networks, volumes, secrets and configs without a `name:` of their own. */
export function scopedName(stack: string, name: string): string {
  return `${stack}_${name}`;
}

/** The filter the engine's list endpoints take to find a stack's objects. */
export function stackFilter(stack: string): { label: string[] } {
  return { label: [`${STACK_NAMESPACE_LABEL}=${stack}`] };
}

export function withStackLabel(stack: string, labels: Record<string, string> | undefined): Record<string, string> {
  return { ...labels, [STACK_NAMESPACE_LABEL]: stack };
}
