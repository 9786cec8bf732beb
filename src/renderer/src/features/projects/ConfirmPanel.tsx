import type { ReactNode } from 'react';

interface ConfirmPanelProps {
  title: string;
  children: ReactNode;
  action: string;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before an action with side effects the user didn't name (extra services, broken dependents). */
export function ConfirmPanel({ title, children, action, onConfirm, onCancel }: ConfirmPanelProps) {
  return (
    <div
      className="panel confirm-panel"
      role="alertdialog"
      aria-label={title}
      data-testid="confirm-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2>{title}</h2>
      {children}
      <div className="toolbar">
        <button type="button" autoFocus onClick={onConfirm} data-testid="confirm-ok">
          {action}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
