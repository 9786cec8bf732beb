/** `berth stack` tables, in the docker CLI's columns. */
import type { ClusterNode, StackService, StackSummary, StackTask } from '../../services/swarm/cluster-queries';
import type { StackProgressEvent } from '../../services/swarm/stack-events';
import { describeFinding } from '../../services/swarm/stack-findings';
import { formatTable } from './compose-table';

export function stacksTable(stacks: StackSummary[]): string {
  return formatTable(
    ['NAME', 'SERVICES'],
    stacks.map((stack) => [stack.name, String(stack.services)]),
  );
}

export function servicesTable(services: StackService[]): string {
  return formatTable(
    ['ID', 'NAME', 'MODE', 'REPLICAS', 'IMAGE', 'PORTS', 'UPDATE'],
    services.map((service) => [
      service.id.slice(0, 12),
      service.name,
      service.mode,
      `${service.running}/${service.desired}`,
      service.image.replace(/@sha256:[0-9a-f]+$/, ''),
      service.ports.join(', '),
      service.updateState ?? '',
    ]),
  );
}

export function tasksTable(tasks: StackTask[], options: { noTrunc: boolean; now?: number }): string {
  const now = options.now ?? Date.now();
  let previous = '';
  return formatTable(
    ['ID', 'NAME', 'IMAGE', 'NODE', 'DESIRED STATE', 'CURRENT STATE', 'ERROR', 'PORTS'],
    tasks.map((task) => {
      // As `docker stack ps`: a slot's older tasks are indented under its newest.
      const name = task.name === previous ? ` \\_ ${task.name}` : task.name;
      previous = task.name;
      return [
        options.noTrunc ? task.id : task.id.slice(0, 12),
        name,
        options.noTrunc ? task.image : task.image.replace(/@sha256:[0-9a-f]+$/, ''),
        task.node ?? '',
        capitalize(task.desiredState),
        `${capitalize(task.state)} ${task.since ? ago(task.since, now) : ''}`.trim(),
        task.error ? JSON.stringify(options.noTrunc ? task.error : truncate(task.error, 60)) : '',
        task.ports.join(','),
      ];
    }),
  );
}

export function nodesTable(nodes: ClusterNode[]): string {
  return formatTable(
    ['ID', 'HOSTNAME', 'STATUS', 'AVAILABILITY', 'MANAGER STATUS', 'ENGINE VERSION', 'GENERIC RESOURCES'],
    nodes.map((node) => [
      `${node.id.slice(0, 25)}${node.self ? ' *' : ''}`,
      node.hostname,
      capitalize(node.state),
      capitalize(node.availability),
      node.role === 'manager' ? (node.leader ? 'Leader' : 'Reachable') : '',
      node.engineVersion ?? '',
      node.genericResources.map((resource) => `${resource.kind}=${resource.count}`).join(', '),
    ]),
  );
}

/** One line per progress event, as `docker stack deploy` prints them; nothing for steps still under way. */
export function describeProgress(event: StackProgressEvent): string | null {
  switch (event.type) {
    case 'finding':
      return `${event.finding.level === 'converted' ? 'Converting' : 'Ignoring'} ${describeFinding(event.finding)}`;
    case 'step': {
      if (event.state === 'started') return null;
      const object = event.object;
      if (event.state === 'failed') return `Failed to ${event.action} ${object} ${event.name}: ${event.message ?? ''}`;
      switch (event.action) {
        case 'create':
          return `Creating ${object} ${event.name}`;
        case 'update':
          return `Updating ${object} ${event.name}${event.changes?.length ? ` (${event.changes.join(', ')})` : ''}`;
        case 'remove':
          return `Removing ${object} ${event.name}`;
        case 'unchanged':
          return object === 'service' ? `Service ${event.name} is up to date` : null;
        case 'verify':
          return null;
      }
      return null;
    }
    case 'warning':
      return `WARN ${event.name}: ${event.message}`;
    case 'undo':
      return `${event.state === 'failed' ? 'Could not undo' : 'Undid'}: ${event.action} ${event.object} ${event.name}${event.message ? ` (${event.message})` : ''}`;
    case 'tasks':
      return event.services
        .map((service) => `${service.name}: ${service.running}/${service.desired ?? '?'} running`)
        .join(', ');
    case 'converged':
      return 'All services converged';
  }
}

function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** "5 seconds ago", "3 minutes ago", as the docker CLI words it. */
export function ago(time: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(time)) / 1000));
  if (Number.isNaN(seconds)) return '';
  if (seconds < 1) return 'less than a second ago';
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'} ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes === 1 ? 'about a' : minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours === 1 ? 'about an' : hours} hour${hours === 1 ? '' : 's'} ago`;
  return `${Math.round(hours / 24)} days ago`;
}
