import { useEffect, useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import { isSecretKey } from '@shared/secret-keys';
import { api } from '../../lib/api';
import { ErrorNote } from './ErrorNote';
import { isValidEnvKey, parseEnvLines, serializeEnvLines, type EnvLine } from './env-lines';

/** The project's .env: secrets masked until revealed, saved atomically by main. Values are never logged. */
export function EnvEditor({ directory, onClose }: { directory: string; onClose(): void }) {
  const [lines, setLines] = useState<EnvLine[] | null>(null);
  const [path, setPath] = useState('');
  const [revealed, setRevealed] = useState<Set<number>>(new Set());
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [status, setStatus] = useState<'clean' | 'dirty' | 'saving' | 'saved'>('clean');

  useEffect(() => {
    void api.projects.readEnv({ directory }).then((result) => {
      if (!result.ok) return setError(result.error);
      setPath(result.value.path);
      setLines(parseEnvLines(result.value.text));
    });
  }, [directory]);

  const update = (index: number, change: Partial<Extract<EnvLine, { kind: 'entry' }>>) => {
    setLines(
      (current) =>
        current?.map((line, i) => (i === index && line.kind === 'entry' ? { ...line, ...change } : line)) ?? null,
    );
    setStatus('dirty');
  };
  const invalid = lines?.some((line) => line.kind === 'entry' && !isValidEnvKey(line.key)) ?? false;
  const save = async () => {
    if (!lines || invalid) return;
    setStatus('saving');
    const result = await api.projects.writeEnv({ project: { directory }, text: serializeEnvLines(lines) });
    if (result.ok) {
      setError(null);
      setStatus('saved');
    } else {
      setError(result.error);
      setStatus('dirty');
    }
  };

  return (
    <section
      className="panel env-editor"
      aria-label="Environment file"
      data-testid="env-editor"
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key === 's') {
          event.preventDefault();
          void save();
        }
        if (event.key === 'Escape') onClose();
      }}
    >
      <header>
        <h2>.env</h2>
        <span className="muted mono">{path}</span>
      </header>
      {error && <ErrorNote error={error} />}
      {lines && (
        <table className="env-table">
          <tbody>
            {lines.map((line, index) =>
              line.kind === 'other' ? null : (
                <tr key={index} data-testid="env-row" data-key={line.key}>
                  <td>
                    <input
                      aria-label="Name"
                      className="mono"
                      value={line.key}
                      aria-invalid={!isValidEnvKey(line.key)}
                      onChange={(event) => update(index, { key: event.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`Value of ${line.key}`}
                      className="mono"
                      type={isSecretKey(line.key) && !revealed.has(index) ? 'password' : 'text'}
                      autoComplete="off"
                      spellCheck={false}
                      value={line.value}
                      onChange={(event) => update(index, { value: event.target.value })}
                      data-testid="env-value"
                    />
                  </td>
                  <td>
                    {isSecretKey(line.key) && (
                      <button
                        type="button"
                        aria-pressed={revealed.has(index)}
                        onClick={() =>
                          setRevealed((current) => {
                            const next = new Set(current);
                            if (!next.delete(index)) next.add(index);
                            return next;
                          })
                        }
                        data-testid="env-reveal"
                      >
                        {revealed.has(index) ? 'Hide' : 'Reveal'}
                      </button>
                    )}
                    <button
                      type="button"
                      aria-label={`Remove ${line.key}`}
                      onClick={() => {
                        setLines((current) => current?.filter((_, i) => i !== index) ?? null);
                        setStatus('dirty');
                      }}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <div className="toolbar">
        <button
          type="button"
          onClick={() => {
            setLines((current) => [
              ...(current ?? []),
              { kind: 'entry', exported: false, key: 'NEW_VARIABLE', value: '' },
            ]);
            setStatus('dirty');
          }}
        >
          Add variable
        </button>
        <button
          type="button"
          disabled={invalid || status !== 'dirty'}
          onClick={() => void save()}
          data-testid="env-save"
        >
          Save
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
        <span className="muted" data-testid="env-status">
          {status === 'saved' ? 'Saved. Services pick it up on their next up.' : status === 'saving' ? 'Saving…' : ''}
          {invalid ? 'A name is not valid: letters, digits and _ only, not starting with a digit.' : ''}
        </span>
      </div>
    </section>
  );
}
