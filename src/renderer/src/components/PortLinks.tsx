import { ExternalLink } from 'lucide-react';
import type { ContainerSummary } from '@shared/schemas/containers';
import { mlLinksFor } from '@shared/ml-links';
import { api } from '../lib/api';

interface PortLinksProps {
  image: string;
  ports: ContainerSummary['ports'];
  /** Added to recognized ML links, e.g. Jupyter's `token`. */
  query?: Record<string, string>;
}

/** The URL a published port answers on, from this machine. */
export function portUrl(port: ContainerSummary['ports'][number]): string {
  const host = port.hostIp === '0.0.0.0' || port.hostIp === '::' ? 'localhost' : port.hostIp;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port.hostPort}`;
}

/** Published ports as links opened through main's allowlist, with named links for ML UIs it recognizes. */
export function PortLinks({ image, ports, query }: PortLinksProps) {
  if (ports.length === 0) return <span className="muted">—</span>;
  return (
    <span className="port-links">
      {mlLinksFor(image, ports, query).map((link) => (
        <button
          key={link.url}
          type="button"
          className="link-button named-link"
          title={`Open ${link.url}`}
          onClick={() => void api.app.openExternal({ url: link.url })}
        >
          {link.label}
          <ExternalLink size={12} aria-hidden="true" />
        </button>
      ))}
      {ports.map((port) => {
        const url = portUrl(port);
        return (
          <button
            key={`${port.hostIp}-${port.hostPort}-${port.protocol}`}
            type="button"
            className="link-button"
            title={`Open ${url}`}
            onClick={() => void api.app.openExternal({ url })}
          >
            {port.hostPort}→{port.containerPort}
            {port.protocol === 'tcp' ? '' : `/${port.protocol}`}
          </button>
        );
      })}
    </span>
  );
}
