/**
 * Short port syntax (`[HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL]`, ranges allowed) → long syntax entries,
 * following Docker's nat.ParsePortSpec rules as Compose uses them: one entry per container port,
 * entries sorted by their `port/proto` text, a published range kept whole when the target is a single port.
 */
import { isIP } from 'node:net';

export interface PortEntry {
  mode: 'ingress';
  host_ip?: string;
  target: number;
  published?: string;
  protocol: string;
}

export class PortSpecError extends Error {}

interface PortRange {
  start: number;
  end: number;
}

/** How many entries `spec` expands to, without expanding it (0 when it does not parse: parsing will say why). */
export function countPortSpec(spec: string): number {
  try {
    const [rawAddress] = splitProtocol(spec);
    const { containerPort } = splitAddress(rawAddress);
    const container = parseRange(containerPort, '');
    return container.end - container.start + 1;
  } catch {
    return 0;
  }
}

export function parsePortSpec(spec: string): PortEntry[] {
  const [rawAddress, protocolPart] = splitProtocol(spec);
  const { hostIp, hostPort, containerPort } = splitAddress(rawAddress);
  if (hostIp !== '' && isIP(hostIp) === 0) throw new PortSpecError(`Invalid ip address: ${hostIp}`);
  if (containerPort === '') throw new PortSpecError(`No port specified: ${rawAddress}<empty>`);
  const container = parseRange(containerPort, `Invalid containerPort: ${containerPort}`);
  const host = hostPort === '' ? undefined : parseRange(hostPort, `Invalid hostPort: ${hostPort}`);
  const containerCount = container.end - container.start;
  if (host !== undefined && host.end - host.start !== containerCount && containerCount !== 0) {
    throw new PortSpecError(`Invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
  }
  const protocol = protocolPart.toLowerCase();
  const entries: { key: string; entry: PortEntry }[] = [];
  for (let offset = 0; offset <= containerCount; offset++) {
    const target = container.start + offset;
    let published: string | undefined;
    if (host !== undefined) {
      published = containerCount === 0 && host.end !== host.start ? hostPort : String(host.start + offset);
    }
    const entry: PortEntry = { mode: 'ingress', target, protocol };
    if (hostIp !== '') entry.host_ip = hostIp;
    if (published !== undefined && published !== '') entry.published = published;
    entries.push({ key: `${target}/${protocol}`, entry });
  }
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return entries.map(({ entry }) => entry);
}

function splitProtocol(spec: string): [string, string] {
  const slash = spec.lastIndexOf('/');
  if (slash === -1) return [spec, 'tcp'];
  const protocol = spec.slice(slash + 1);
  return [spec.slice(0, slash), protocol === '' ? 'tcp' : protocol];
}

function splitAddress(raw: string): { hostIp: string; hostPort: string; containerPort: string } {
  const parts = raw.split(':');
  const containerPort = parts[parts.length - 1]!;
  let hostIp = '';
  let hostPort = '';
  if (parts.length === 2) hostPort = parts[0]!;
  if (parts.length >= 3) {
    hostIp = parts.slice(0, parts.length - 2).join(':');
    hostPort = parts[parts.length - 2]!;
  }
  if (hostIp.startsWith('[') && hostIp.endsWith(']')) hostIp = hostIp.slice(1, -1);
  return { hostIp, hostPort, containerPort };
}

function parseRange(text: string, message: string): PortRange {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (match === null) throw new PortSpecError(message);
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  if (start > 65535 || end > 65535 || end < start) throw new PortSpecError(message);
  return { start, end };
}
