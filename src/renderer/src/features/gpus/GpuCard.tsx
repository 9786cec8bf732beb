import type { GpuDevice, GpuMetrics, GpuUsage } from '@shared/schemas/gpu';
import { Sparkline } from './Sparkline';

function formatMiB(value: number | null): string {
  if (value === null) return 'not reported';
  return value >= 1024 ? `${(value / 1024).toFixed(1)} GiB` : `${value} MiB`;
}

function reading(value: number | null | undefined, unit: string): string {
  return value === null || value === undefined ? '—' : `${Math.round(value)}${unit}`;
}

export function GpuCard({
  gpu,
  history,
  usage,
}: {
  gpu: GpuDevice;
  history: GpuMetrics[];
  usage: GpuUsage | undefined;
}) {
  const latest = history.at(-1) ?? gpu.metrics;
  const memoryTotal = latest?.memoryTotalMiB ?? gpu.memoryTotalMiB;
  return (
    <article className="panel gpu-card" data-testid="gpu-card" data-gpu-id={gpu.id}>
      <header>
        <h2>
          GPU {gpu.index}: {gpu.name}
        </h2>
        <span className="muted mono">{gpu.uuid ?? gpu.pciBusId}</span>
      </header>
      <div className="gpu-metrics">
        <div>
          <div className="metric-label">Utilization {reading(latest?.utilizationPercent, '%')}</div>
          <Sparkline values={history.map((sample) => sample.utilizationPercent)} max={100} label="GPU utilization" />
        </div>
        <div>
          <div className="metric-label">
            Memory {formatMiB(latest?.memoryUsedMiB ?? null)} / {formatMiB(memoryTotal)}
          </div>
          <Sparkline
            values={history.map((sample) => sample.memoryUsedMiB)}
            max={memoryTotal ?? 0}
            label="GPU memory used"
          />
        </div>
        <div className="metric-label">
          {reading(latest?.temperatureC, ' °C')} · {reading(latest?.powerDrawW, ' W')}
          {latest?.powerLimitW ? ` of ${Math.round(latest.powerLimitW)} W` : ''}
        </div>
      </div>
      <dl className="facts">
        <dt>Driver</dt>
        <dd>{gpu.driverVersion ?? 'not reported'}</dd>
        {gpu.computeCapability && (
          <>
            <dt>Compute capability</dt>
            <dd>{gpu.computeCapability}</dd>
          </>
        )}
        {gpu.migEnabled && (
          <>
            <dt>MIG devices</dt>
            <dd>
              {gpu.migDevices.map((device) => `${device.index}: ${device.profile ?? 'unknown profile'}`).join(', ') ||
                'none configured'}
            </dd>
          </>
        )}
      </dl>
      {usage && usage.services.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th>Service</th>
              <th>Processes</th>
              <th>Memory</th>
            </tr>
          </thead>
          <tbody>
            {usage.services.map((service) => (
              <tr key={`${service.project}/${service.service}`}>
                <td>
                  {service.project} / {service.service}
                </td>
                <td>{service.processCount}</td>
                <td>{formatMiB(service.usedMemoryMiB)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
