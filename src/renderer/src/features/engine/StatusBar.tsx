import { useEffect, useState } from 'react';
import type { EngineInfo, EngineState } from '@shared/schemas/engine';
import { useBerthStore } from '../../stores/store';

function useSecondsUntil(epochMs: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (epochMs === null) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [epochMs]);
  return epochMs === null ? null : Math.max(0, Math.ceil((epochMs - now) / 1000));
}

const FLAVOR_NAMES: Record<EngineInfo['flavor'], string> = {
  docker: 'Docker Engine',
  'docker-desktop': 'Docker Desktop',
  podman: 'Podman',
  colima: 'Colima',
  other: 'Engine',
};

function describe(engine: EngineState | null): string {
  if (!engine || engine.status === 'connecting') return 'Connecting to the Docker engine…';
  if (engine.status === 'connected' && engine.info) {
    const { info } = engine;
    return `${FLAVOR_NAMES[info.flavor]} ${info.serverVersion} · API ${info.apiVersion} · ${info.os}`;
  }
  return `Engine unreachable: ${engine.reason ?? 'unknown reason'}`;
}

export function StatusBar() {
  const engine = useBerthStore((state) => state.engine);
  const retryIn = useSecondsUntil(engine?.status === 'unreachable' ? engine.nextRetryAt : null);
  const status = engine?.status ?? 'connecting';
  return (
    <footer className="status-bar" data-testid="status-bar" data-status={status} role="status" aria-live="polite">
      <span className={`status-dot status-${status}`} aria-hidden="true" />
      <span data-testid="engine-summary">{describe(engine)}</span>
      {engine?.status === 'unreachable' && engine.fix && (
        <span className="status-fix" data-testid="engine-fix">
          {engine.fix}
        </span>
      )}
      {retryIn !== null && <span className="status-retry">retrying in {retryIn}s</span>}
      {engine?.endpoint && <span className="status-endpoint">{engine.endpoint.address}</span>}
    </footer>
  );
}
