import type { ErrorPayload } from '@shared/errors';

/** An error as the user should read it: what happened, then what to do about it. */
export function ErrorNote({ error, testId }: { error: ErrorPayload; testId?: string }) {
  return (
    <div className="error-note" role="alert" data-testid={testId}>
      <p className="error">{error.message}</p>
      {error.fix && <p className="fix">To fix: {error.fix}</p>}
    </div>
  );
}
