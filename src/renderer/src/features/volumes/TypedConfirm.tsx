import { useState, type ReactNode } from 'react';

interface TypedConfirmProps {
  title: string;
  children?: ReactNode;
  /** What the user must type to enable the button. */
  expected: string;
  action: string;
  onConfirm(typed: string): void;
  onCancel(): void;
}

/** A confirmation that needs the name typed: nothing destructive happens on a stray click or Enter. */
export function TypedConfirm({ title, children, expected, action, onConfirm, onCancel }: TypedConfirmProps) {
  const [typed, setTyped] = useState('');
  const matches = typed === expected;
  return (
    <div className="panel volume-confirm" role="alertdialog" aria-label={title} data-testid="volume-confirm">
      <h2>{title}</h2>
      {children}
      <label>
        Type <span className="mono">{expected}</span> to confirm:{' '}
        <input
          autoFocus
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onCancel();
            if (event.key === 'Enter' && matches) onConfirm(typed);
          }}
          data-testid="volume-confirm-input"
        />
      </label>
      <div className="toolbar">
        <button
          type="button"
          className="danger"
          disabled={!matches}
          onClick={() => onConfirm(typed)}
          data-testid="volume-confirm-ok"
        >
          {action}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
