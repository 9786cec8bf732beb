import { CircleAlert, X } from 'lucide-react';
import type { ReactNode } from 'react';
import type { ErrorPayload } from '@shared/errors';
import { IconButton } from './IconButton';

interface ErrorNoteProps {
  error: ErrorPayload;
  testId?: string;
  /** Buttons that act on the error: Retry, Start without GPU… */
  actions?: ReactNode;
  /** Shows a close button; the error stays until the user uses it. */
  onDismiss?(): void;
  /** Smaller, for a card or a status line. */
  compact?: boolean;
}

function detailsText(details: unknown): string | null {
  if (details === undefined || details === null || details === '') return null;
  if (typeof details === 'string') return details;
  try {
    return JSON.stringify(details, null, 2);
  } catch {
    return String(details);
  }
}

/**
 * Every error the UI shows, the same way: what happened, what to do about it, and the raw text from the engine
 * folded under "details" (long ids and paths wrap instead of widening the page).
 */
export function ErrorNote({ error, testId, actions, onDismiss, compact = false }: ErrorNoteProps) {
  const details = detailsText(error.details);
  return (
    <div
      className={`error-note${compact ? ' compact' : ''}`}
      role="alert"
      data-testid={testId}
      data-error-code={error.code}
    >
      <CircleAlert className="error-note-icon" size={compact ? 14 : 16} aria-hidden="true" />
      <div className="error-note-body">
        <p className="error-note-message" data-testid="error-message">
          {error.message}
        </p>
        {error.fix && (
          <p className="error-note-fix" data-testid="error-fix">
            <span className="error-note-fix-label">To fix: </span>
            {error.fix}
          </p>
        )}
        {details && (
          <details className="error-note-details">
            <summary>details</summary>
            <pre>{details}</pre>
          </details>
        )}
        {actions && <div className="error-note-actions">{actions}</div>}
      </div>
      {onDismiss && (
        <IconButton
          icon={<X size={14} />}
          label="Dismiss"
          size="sm"
          className="error-note-dismiss"
          onClick={onDismiss}
          data-testid="error-dismiss"
        />
      )}
    </div>
  );
}
