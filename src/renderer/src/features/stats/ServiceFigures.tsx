import { Sparkline } from '../gpus/Sparkline';
import { MemoryBar } from './MemoryBar';
import { serviceStatsKey } from './stats-data';
import { useStatsData } from './stats-feed';
import { formatMemory, formatPercent } from './stats-format';

/**
 * A service's live use on its card: CPU with a sparkline of the last minutes; memory against its limit as a bar, or,
 * with no limit, as a sparkline of the last minutes; GPU memory and utilisation when it runs on GPUs. Sums over its
 * replicas. Nothing until the first reading.
 */
export function ServiceFigures({ project, service }: { project: string; service: string }) {
  const key = serviceStatsKey(project, service);
  const totals = useStatsData((data) => data.services[key]);
  const history = useStatsData((data) => data.serviceHistory[key]);
  if (!totals) return null;
  const cpuValues = (history ?? []).map((entry) => entry.cpuPercent);
  const cpuMax = Math.max(5, ...cpuValues.map((value) => value ?? 0));
  const memoryValues = (history ?? []).map((entry) => entry.memoryBytes);
  const memoryMax = Math.max(1, ...memoryValues.map((value) => value ?? 0));
  return (
    <div className="service-figures" data-testid="service-figures">
      <div className="figure">
        <span className="figure-label">CPU</span>
        <span className="figure-value" data-testid="service-cpu">
          {formatPercent(totals.cpuPercent)}
        </span>
        <Sparkline values={cpuValues} max={cpuMax} label={`CPU of ${service}, last minutes`} width={72} height={16} />
      </div>
      <div className="figure">
        <span className="figure-label">Memory</span>
        <span className="figure-value" data-testid="service-memory">
          {formatMemory(totals.memoryBytes, totals.memoryLimitBytes)}
        </span>
        {totals.memoryLimitBytes !== null ? (
          <MemoryBar
            used={totals.memoryBytes}
            limit={totals.memoryLimitBytes}
            label={`Memory of ${service} against its limit`}
          />
        ) : (
          <Sparkline
            values={memoryValues}
            max={memoryMax}
            label={`Memory of ${service}, last minutes`}
            width={72}
            height={16}
          />
        )}
      </div>
      {totals.gpu && (
        <div className="figure">
          <span className="figure-label">GPU</span>
          <span className="figure-value" data-testid="service-gpu-use">
            {`${(totals.gpu.memoryMiB / 1024).toFixed(1)} GiB`}
            {totals.gpu.utilizationPercent !== null && ` · ${formatPercent(totals.gpu.utilizationPercent)}`}
          </span>
        </div>
      )}
    </div>
  );
}
