/** Published and exposed ports → `ExposedPorts` and `HostConfig.PortBindings`. The loader has expanded ranges. */
import type { PortConfig, ComposeService } from '../../model/service';

export function portKey(port: PortConfig): string {
  return `${port.target}/${port.protocol || 'tcp'}`;
}

export function exposedPorts(config: ComposeService): Record<string, object> | undefined {
  const exposed: Record<string, object> = {};
  for (const port of config.ports ?? []) exposed[portKey(port)] = {};
  // As Compose: `expose` entries go as written; the engine reads a bare number as tcp.
  for (const entry of config.expose ?? []) exposed[String(entry)] = {};
  return Object.keys(exposed).length ? exposed : undefined;
}

export function portBindings(config: ComposeService): Record<string, { HostIp: string; HostPort: string }[]> {
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const port of config.ports ?? []) {
    (bindings[portKey(port)] ??= []).push({ HostIp: port.host_ip ?? '', HostPort: port.published ?? '' });
  }
  return bindings;
}
