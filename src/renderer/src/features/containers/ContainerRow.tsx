import { ScrollText, SquareTerminal } from 'lucide-react';
import type { ContainerSummary } from '@shared/schemas/containers';
import { Badge } from '../../components/Badge';
import { IconButton } from '../../components/IconButton';
import { PortLinks } from '../../components/PortLinks';
import { StatusDot } from '../../components/StatusDot';
import { Truncate } from '../../components/Truncate';
import { containerStatus } from '../../status/container-status';
import { endedAgo, uptimeOf } from '../../status/elapsed';
import { openLogs } from '../logs/logs-target';
import { openContainerShell } from '../terminals/open-terminal';

interface ContainerRowProps {
  container: ContainerSummary;
  gpuLabels: string[];
  connected: boolean;
  now: number;
}

/** "Up 3 min", "exit 3 · 2 min ago": computed from the start and end times, so it keeps ticking. */
function timing(container: ContainerSummary, now: number): string {
  const up = uptimeOf(container, now);
  if (up) return `Up ${up}`;
  return endedAgo(container, now) ?? container.status;
}

export function ContainerRow({ container, gpuLabels, connected, now }: ContainerRowProps) {
  const status = containerStatus(container, connected, now);
  const stateTip = [status.columnLabel, status.detail, status.fix && `To fix: ${status.fix}`]
    .filter(Boolean)
    .join('\n');
  return (
    <tr
      data-testid="container-row"
      data-container-id={container.id}
      data-state={container.state}
      data-tone={status.tone}
      tabIndex={0}
    >
      <td className="name-cell">
        <span className="cell-with-dot">
          <StatusDot tone={status.tone} />
          <Truncate text={container.name} />
        </span>
      </td>
      <td>
        <span className="cell-with-badges">
          <Truncate text={container.compose?.service ?? '—'} />
          {gpuLabels.map((label) => (
            <Badge key={label} testId="gpu-badge">
              {label}
            </Badge>
          ))}
        </span>
      </td>
      <td className="mono col-image">
        <Truncate text={container.image} />
      </td>
      <td data-testid="container-state" className={`state-cell tone-${status.tone}`}>
        <Truncate text={stateTip}>{status.label}</Truncate>
      </td>
      <td className="muted col-status">
        <Truncate text={connected ? timing(container, now) : '—'} />
      </td>
      <td className="col-ports">
        <PortLinks image={container.image} ports={container.ports} />
      </td>
      <td className="col-actions">
        {container.state === 'running' && (
          <IconButton
            icon={<SquareTerminal size={15} />}
            label={`Open a shell in ${container.name}`}
            size="sm"
            disabled={!connected}
            data-testid="container-shell"
            onClick={() => openContainerShell(container.id, container.name)}
          />
        )}
        <IconButton
          icon={<ScrollText size={15} />}
          label={`Show the logs of ${container.name}`}
          size="sm"
          data-testid="container-logs"
          onClick={() => openLogs({ kind: 'container', id: container.id })}
        />
      </td>
    </tr>
  );
}
