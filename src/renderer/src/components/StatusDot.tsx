import type { Tone } from './tone';

/** A coloured dot for a state; decorative, since the state is always written next to it. */
export function StatusDot({ tone, pulse = false }: { tone: Tone; pulse?: boolean }) {
  return <span className={`status-dot tone-${tone}${pulse ? ' pulse' : ''}`} aria-hidden="true" />;
}
