import { useId, useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

interface TypedConfirmProps {
  title: string;
  children?: ReactNode;
  /** What the user must type to enable the button. */
  expected: string;
  action: string;
  onConfirm(typed: string): void;
  onCancel(): void;
}

/** A destructive confirmation that needs the name typed: nothing is deleted on a stray click or Enter. */
export function TypedConfirm({ title, children, expected, action, onConfirm, onCancel }: TypedConfirmProps) {
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const matches = typed === expected;
  return (
    <ConfirmDialog
      title={title}
      action={action}
      destructive
      confirmDisabled={!matches}
      onConfirm={() => matches && onConfirm(typed)}
      onCancel={onCancel}
      testId="volume-confirm"
      confirmTestId="volume-confirm-ok"
      initialFocus={input}
    >
      {children}
      <label className="typed-confirm" htmlFor={inputId}>
        Type <span className="mono typed-confirm-name">{expected}</span> to confirm:
      </label>
      <input
        ref={input}
        id={inputId}
        className="typed-confirm-input"
        value={typed}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setTyped(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && matches) onConfirm(typed);
        }}
        data-testid="volume-confirm-input"
      />
    </ConfirmDialog>
  );
}
