import type { ContainerSummary } from '../../../../shared/schemas/containers';
import { mlLinksFor } from '../../../../shared/ml-links';
import { api } from '../../lib/api';
import { openLogs } from '../logs/logs-target';
import { openContainerShell } from '../terminals/open-terminal';

function PortLinks({ image, ports }: { image: string; ports: ContainerSummary['ports'] }) {
  if (ports.length === 0) return <span className="muted">—</span>;
  return (
    <>
      {mlLinksFor(image, ports).map((link) => (
        <button
          key={link.url}
          type="button"
          className="link-button named-link"
          title={`Open ${link.url}`}
          onClick={() => void api.app.openExternal({ url: link.url })}
        >
          {link.label}
        </button>
      ))}
      {ports.map((port) => {
        const host = port.hostIp === '0.0.0.0' || port.hostIp === '::' ? 'localhost' : port.hostIp;
        const url = `http://${host.includes(':') ? `[${host}]` : host}:${port.hostPort}`;
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
    </>
  );
}

export function ContainerRow({ container, gpuLabels }: { container: ContainerSummary; gpuLabels: string[] }) {
  const health = container.health ? ` (${container.health})` : '';
  return (
    <tr data-testid="container-row" data-container-id={container.id} data-state={container.state} tabIndex={0}>
      <td className="name-cell">
        <span className={`state-dot state-${container.state}`} aria-hidden="true" />
        {container.name}
        {container.state === 'running' && (
          <button
            type="button"
            className="link-button container-shell"
            data-testid="container-shell"
            title={`Open a shell in ${container.name}`}
            onClick={() => openContainerShell(container.id, container.name)}
          >
            Shell
          </button>
        )}
        <button
          type="button"
          className="link-button container-logs"
          data-testid="container-logs"
          title={`Show the logs of ${container.name}`}
          onClick={() => openLogs({ kind: 'container', id: container.id })}
        >
          Logs
        </button>
      </td>
      <td>
        {container.compose?.service ?? <span className="muted">—</span>}
        {gpuLabels.map((label) => (
          <span key={label} className="badge" data-testid="gpu-badge">
            {label}
          </span>
        ))}
      </td>
      <td className="mono">{container.image}</td>
      <td data-testid="container-state">
        {container.state}
        {health}
      </td>
      <td className="muted">{container.status}</td>
      <td>
        <PortLinks image={container.image} ports={container.ports} />
      </td>
    </tr>
  );
}
