import type { KnownEngineView } from '@shared/schemas/engines';
import type { EngineState } from '@shared/schemas/engine';
import type { Tone } from '../../components/tone';

export const CONNECTION_TONES: Record<EngineState['status'], Tone> = {
  connected: 'ok',
  connecting: 'warn',
  unreachable: 'bad',
};

/** The current engine's connection, or what the last test or switch of another one found. */
export function engineTone(engine: KnownEngineView, state: EngineState | null): Tone {
  if (engine.current && state) return CONNECTION_TONES[state.status];
  if (!engine.lastCheck) return 'idle';
  return engine.lastCheck.ok ? 'ok' : 'bad';
}

export function engineStatusText(engine: KnownEngineView, state: EngineState | null): string {
  if (engine.current && state)
    return state.status === 'unreachable' ? `unreachable: ${state.reason ?? ''}` : state.status;
  if (!engine.lastCheck) return 'not tried yet';
  return engine.lastCheck.ok ? 'answered last time' : `failed last time: ${engine.lastCheck.message}`;
}

/** `gpu-box` from `ssh://ada@gpu-box:2222`, `docker` from `unix:///var/run/docker.sock`: a name to start from. */
export function suggestedName(address: string): string {
  const text = address.trim();
  const remote = /^(?:ssh|tcp):\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^:/]+)/i.exec(text);
  const base = remote ? remote[1]! : (/([^/]+?)(?:\.sock)?$/.exec(text)?.[1] ?? '');
  // An IPv6 literal makes no name.
  if (base.startsWith('[')) return '';
  return base.replace(/[^a-zA-Z0-9_.+-]/g, '-').replace(/^[^a-zA-Z0-9]+/, '');
}
