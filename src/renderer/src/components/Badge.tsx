import type { ReactNode } from 'react';
import type { Tone } from './tone';

interface BadgeProps {
  tone?: Tone;
  children: ReactNode;
  testId?: string;
  title?: string;
  icon?: ReactNode;
}

/** A short label on a soft background in a state colour: "needs 1 GPU", "dangling", "pinned". */
export function Badge({ tone = 'info', children, testId, title, icon }: BadgeProps) {
  return (
    <span className={`badge tone-${tone}`} data-testid={testId} title={title}>
      {icon}
      {children}
    </span>
  );
}
