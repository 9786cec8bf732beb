import { Command } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import type { EngineInfo, EngineState } from '@shared/schemas/engine';
import { Kbd } from '../../components/Kbd';
import { StatusDot } from '../../components/StatusDot';
import type { Tone } from '../../components/tone';
import { withMod } from '../../keyboard/app-shortcuts';
import { describeUnreachable } from '../../status/engine-gate';
import { useBerthStore } from '../../stores/store';
import { MuteNotices } from '../notices/MuteNotices';
import './status-bar.css';

/** Seconds until `epochMs`, ticking twice a second only while there is such a moment (a retry countdown). */
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

const STATUS_TONES: Record<EngineState['status'], Tone> = { connected: 'ok', connecting: 'warn', unreachable: 'bad' };

function describe(engine: EngineState | null): string {
  if (!engine || engine.status === 'connecting') return 'Connecting to the Docker engine…';
  if (engine.status === 'connected' && engine.info) {
    const { info } = engine;
    return `${FLAVOR_NAMES[info.flavor]} ${info.serverVersion} · API ${info.apiVersion} · ${info.os}`;
  }
  return `Engine unreachable: ${describeUnreachable(engine)}`;
}

/**
 * The engine Berth talks to, always in view: `engineControl` (the engine switcher) first, then its version, or why it
 * is unreachable with the fix and a retry countdown. Without a control it shows the engine's address.
 */
export function StatusBar({ engineControl }: { engineControl?: ReactNode }) {
  const engine = useBerthStore((state) => state.engine);
  const setPaletteOpen = useBerthStore((state) => state.setPaletteOpen);
  const retryIn = useSecondsUntil(engine?.status === 'unreachable' ? engine.nextRetryAt : null);
  const status = engine?.status ?? 'connecting';
  return (
    <div className="status-bar" data-testid="status-bar" data-status={status}>
      {engineControl ?? (
        <>
          <StatusDot tone={STATUS_TONES[status]} />
          {engine?.endpoint && <span className="status-endpoint">{engine.endpoint.address}</span>}
        </>
      )}
      <span className="status-live" role="status" aria-live="polite">
        <span className="status-summary" data-testid="engine-summary" title={engine?.reason ?? undefined}>
          {describe(engine)}
        </span>
        {engine?.status === 'unreachable' && engine.fix && (
          <span className="status-fix" data-testid="engine-fix">
            {engine.fix}
          </span>
        )}
        {retryIn !== null && <span className="status-retry">retrying in {retryIn}s</span>}
      </span>
      <span className="status-spacer" />
      <MuteNotices />
      <button type="button" className="status-palette" onClick={() => setPaletteOpen(true)} data-testid="open-palette">
        <Command size={13} aria-hidden="true" />
        Commands <Kbd keys={withMod('K')} />
      </button>
    </div>
  );
}
