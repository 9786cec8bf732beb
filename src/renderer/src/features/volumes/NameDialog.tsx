import { useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorNote } from '../../components/ErrorNote';

interface NameDialogProps {
  title: string;
  label: string;
  initial: string;
  action: string;
  /** Resolves with the error to show, or null when done. */
  onSubmit(name: string): Promise<ErrorPayload | null>;
  onCancel(): void;
}

/** Asks for one name (a new folder, a rename) and shows why main refused it, if it did. */
export function NameDialog({ title, label, initial, action, onSubmit, onCancel }: NameDialogProps) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const submit = async () => {
    const failure = await onSubmit(name);
    if (failure) setError(failure);
  };
  return (
    <Dialog
      title={title}
      size="sm"
      onClose={onCancel}
      testId="volume-name-dialog"
      footer={
        <>
          <Button variant="primary" type="submit" form="volume-name-form" disabled={name === ''}>
            {action}
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </>
      }
    >
      <form
        id="volume-name-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label className="field-label" htmlFor="volume-name-input">
          {label}
        </label>
        <input
          id="volume-name-input"
          autoFocus
          className="field-full"
          value={name}
          onChange={(event) => setName(event.target.value)}
          data-testid="volume-name-input"
        />
      </form>
      {error && <ErrorNote compact error={error} />}
    </Dialog>
  );
}
