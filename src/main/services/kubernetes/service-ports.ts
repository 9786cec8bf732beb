/** A service's ports: the container's ports, a ClusterIP Service for them, a LoadBalancer for the published ones. */
import type { ComposeService } from '../compose/model/service';
import type { ExportContext } from './export-context';
import { EXPORT_LABELS, projectLabels, selectorLabels, type KubeObject } from './kube-object';
import { dnsLabel } from './kube-names';

interface TargetPort {
  port: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
}

function protocolOf(value: string | undefined): TargetPort['protocol'] {
  const upper = (value ?? 'tcp').toUpperCase();
  return upper === 'UDP' || upper === 'SCTP' ? upper : 'TCP';
}

/** Every port the container listens on (`ports` targets and `expose`), once each, in order. */
function targetPorts(context: ExportContext, name: string, service: ComposeService): TargetPort[] {
  const found = new Map<string, TargetPort>();
  const add = (port: number, protocol: TargetPort['protocol']) => found.set(`${port}/${protocol}`, { port, protocol });
  for (const port of service.ports ?? []) add(port.target, protocolOf(port.protocol));
  for (const entry of service.expose ?? []) {
    const match = /^(\d+)(?:-(\d+))?(?:\/(\w+))?$/.exec(entry);
    if (!match) {
      context.note(name, 'expose', 'unmapped', `"${entry}" is not a port`);
      continue;
    }
    const first = Number(match[1]);
    const last = match[2] ? Number(match[2]) : first;
    for (let port = first; port <= last; port++) add(port, protocolOf(match[3]));
  }
  return [...found.values()].sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol));
}

export function containerPorts(
  context: ExportContext,
  name: string,
  service: ComposeService,
): { containerPort: number; protocol: string }[] | undefined {
  const ports = targetPorts(context, name, service).map(({ port, protocol }) => ({ containerPort: port, protocol }));
  return ports.length ? ports : undefined;
}

/** `tcp-8080`: Service ports need names once there are several. */
function portName(port: number, protocol: string): string {
  return `${protocol.toLowerCase()}-${port}`;
}

/**
 * The Services of one Compose service: `<name>` (ClusterIP, or headless for `endpoint_mode: dnsrr` and for a
 * StatefulSet without ports, which needs a governing Service), and `<name>-published` (LoadBalancer) when it
 * publishes ports.
 */
export function servicesOf(
  context: ExportContext,
  name: string,
  service: ComposeService,
  stateful: boolean,
): KubeObject[] {
  const k8sName = context.serviceName(name);
  const selector = selectorLabels(context.projectLabel, k8sName);
  const labels = { ...projectLabels(context.projectLabel), [EXPORT_LABELS.service]: k8sName };
  const targets = targetPorts(context, name, service);
  const out: KubeObject[] = [];
  const headless = service.deploy?.endpoint_mode === 'dnsrr' || (stateful && !targets.length);
  if (targets.length || stateful) {
    out.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: k8sName, labels },
      spec: {
        ...(headless ? { clusterIP: 'None' } : {}),
        selector,
        ...(targets.length
          ? {
              ports: targets.map(({ port, protocol }) => ({
                name: portName(port, protocol),
                port,
                targetPort: port,
                protocol,
              })),
            }
          : {}),
      },
    });
  }
  const published = (service.ports ?? []).filter((port) => port.published);
  if (published.length) {
    const seen = new Set<string>();
    const ports = published
      .map((port) => ({ port: Number(port.published), targetPort: port.target, protocol: protocolOf(port.protocol) }))
      .filter((port) => !seen.has(`${port.port}/${port.protocol}`) && seen.add(`${port.port}/${port.protocol}`))
      .sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol));
    out.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: dnsLabel(`${k8sName}-published`), labels },
      spec: {
        type: 'LoadBalancer',
        selector,
        ports: ports.map((port) => ({ name: portName(port.port, port.protocol), ...port })),
      },
    });
    context.note(
      name,
      'ports',
      'converted',
      `published ports → LoadBalancer Service ${dnsLabel(`${k8sName}-published`)}`,
    );
  }
  return out;
}
