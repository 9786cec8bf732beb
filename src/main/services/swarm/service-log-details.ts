/**
 * Swarm service log lines, requested with `details=1`, start with the task's attributes:
 * `com.docker.swarm.node.id=…,com.docker.swarm.service.id=…,com.docker.swarm.task.id=… <text>` (URL-query-escaped).
 */
export interface ServiceLogLine {
  taskId: string | null;
  nodeId: string | null;
  text: string;
}

const TASK_ID = 'com.docker.swarm.task.id';
const NODE_ID = 'com.docker.swarm.node.id';

export function splitDetails(line: string): ServiceLogLine {
  const space = line.indexOf(' ');
  const head = space === -1 ? line : line.slice(0, space);
  if (!head.includes('=')) return { taskId: null, nodeId: null, text: line };
  const attributes = new Map<string, string>();
  for (const pair of head.split(',')) {
    const equals = pair.indexOf('=');
    if (equals <= 0) return { taskId: null, nodeId: null, text: line };
    attributes.set(unescape(pair.slice(0, equals)), unescape(pair.slice(equals + 1)));
  }
  return {
    taskId: attributes.get(TASK_ID) ?? null,
    nodeId: attributes.get(NODE_ID) ?? null,
    text: space === -1 ? '' : line.slice(space + 1),
  };
}

function unescape(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
