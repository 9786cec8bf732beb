import type { ReactNode } from 'react';
import { Spinner } from './Spinner';

interface SwitchProps {
  /** `mixed`: some of what it controls is on. */
  checked: boolean | 'mixed';
  onToggle(): void;
  /** Its operation is running: the knob spins and the switch ignores clicks until it ends. */
  pending?: boolean;
  disabled?: boolean;
  /** The visible label inside the switch; also its accessible name. */
  children: ReactNode;
  title?: string;
  testId?: string;
}

/** An on/off switch (role=switch) with a track that stays visible in both themes, and a pending state. */
export function Switch({ checked, onToggle, pending = false, disabled = false, children, title, testId }: SwitchProps) {
  const state = checked === 'mixed' ? 'mixed' : checked ? 'on' : 'off';
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked === 'mixed' ? 'mixed' : checked}
      aria-busy={pending || undefined}
      className={`switch switch-${state}${pending ? ' switch-pending' : ''}`}
      disabled={disabled || pending}
      title={title}
      onClick={onToggle}
      data-testid={testId}
      data-pending={pending || undefined}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-knob">{pending && <Spinner size={10} />}</span>
      </span>
      <span className="switch-label">{children}</span>
    </button>
  );
}
