import type { ContainerSummary } from '@shared/schemas/containers';
import { openLogs } from '../logs/logs-target';
import { PortLinks } from './PortLinks';
import { openContainerShell } from '../terminals/open-terminal';

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
