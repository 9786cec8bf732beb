import { useState, type ReactNode } from 'react';
import { ExternalLink } from 'lucide-react';
import type { ContainerSummary } from '@shared/schemas/containers';
import type { ErrorPayload } from '@shared/errors';
import { mlLinksFor } from '@shared/ml-links';
import { openPortLink, remotePortsOf } from '../lib/open-port-link';
import { useBerthStore } from '../stores/store';
import { ErrorNote } from './ErrorNote';

interface PortLinksProps {
  image: string;
  ports: ContainerSummary['ports'];
  /** Added to recognized ML links, e.g. Jupyter's `token`. */
  query?: Record<string, string>;
  /** The container publishing the ports, when known (an ssh tunnel then goes to exactly its port). */
  containerId?: string;
}

/** The URL a published port answers on, from this machine. */
export function portUrl(port: ContainerSummary['ports'][number]): string {
  const host = port.hostIp === '0.0.0.0' || port.hostIp === '::' ? 'localhost' : port.hostIp;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port.hostPort}`;
}

interface Link {
  key: string;
  label: ReactNode;
  className: string;
  url: string;
  protocol: string;
}

/**
 * Published ports as links opened through main's allowlist, with named links for ML UIs it recognizes. On a remote
 * engine the ports are on another machine and main finds the way: on an ssh engine an ssh tunnel opened on demand,
 * the link showing where it goes (`gpu-box:8888 → localhost:53211`); on a tcp engine the engine's host itself.
 */
export function PortLinks({ image, ports, query, containerId }: PortLinksProps) {
  const remote = remotePortsOf(useBerthStore((state) => state.engine?.endpoint));
  const [mappings, setMappings] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorPayload | null>(null);
  // Tunnels close when the container stops or the engine changes: their mappings go with them.
  const tunnelScope = `${remote?.host ?? ''}|${ports.length > 0}`;
  const [seenScope, setSeenScope] = useState(tunnelScope);
  if (seenScope !== tunnelScope) {
    setSeenScope(tunnelScope);
    setMappings({});
  }
  if (ports.length === 0) return <span className="muted">—</span>;

  const links: Link[] = [
    ...mlLinksFor(image, ports, query).map((link) => ({
      key: link.url,
      label: (
        <>
          {link.label}
          <ExternalLink size={12} aria-hidden="true" />
        </>
      ),
      className: 'link-button named-link',
      url: link.url,
      protocol: 'tcp',
    })),
    ...ports.map((port) => ({
      key: `${port.hostIp}-${port.hostPort}-${port.protocol}`,
      label: `${port.hostPort}→${port.containerPort}${port.protocol === 'tcp' ? '' : `/${port.protocol}`}`,
      className: 'link-button',
      url: portUrl(port),
      protocol: port.protocol,
    })),
  ];

  const open = (link: Link) => {
    setError(null);
    void openPortLink(link, remote, containerId).then((opened) => {
      if (!opened.ok) return setError(opened.error);
      const mapping = opened.mapping;
      if (mapping) setMappings((known) => ({ ...known, [link.key]: mapping }));
    });
  };

  return (
    <span className="port-links">
      {links.map((link) => {
        const port = new URL(link.url).port;
        const mapping = mappings[link.key];
        const title = !remote
          ? `Open ${link.url}`
          : remote.via === 'tunnel'
            ? `Open ${remote.host}:${port} through an ssh tunnel${mapping ? ` (${mapping})` : ''}`
            : `Open ${remote.host}:${port}`;
        return (
          <span key={link.key} className="port-link">
            <button type="button" className={link.className} title={title} onClick={() => open(link)}>
              {link.label}
            </button>
            {mapping && (
              <span className="muted port-mapping" data-testid="port-mapping">
                {mapping}
              </span>
            )}
          </span>
        );
      })}
      {error && <ErrorNote compact error={error} testId="port-link-error" onDismiss={() => setError(null)} />}
    </span>
  );
}
