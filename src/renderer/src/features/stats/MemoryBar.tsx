import './stats.css';
import { memoryTone } from './stats-format';

/** How full a memory limit is; amber, then red, as the container nears the point where the kernel kills it. */
export function MemoryBar({ used, limit, label }: { used: number; limit: number; label: string }) {
  const share = Math.min(1, used / limit);
  return (
    <div
      className={`memory-bar memory-${memoryTone(used, limit)}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={limit}
      aria-valuenow={used}
      data-testid="memory-bar"
      data-tone={memoryTone(used, limit)}
    >
      <span style={{ width: `${(share * 100).toFixed(1)}%` }} />
    </div>
  );
}
