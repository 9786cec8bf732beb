import { useEffect, useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import { isSecretKey } from '@shared/secret-keys';
import { Eye, EyeOff, Plus, Trash2 } from 'lucide-react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorNote } from '../../components/ErrorNote';
import { IconButton } from '../../components/IconButton';
import { api } from '../../lib/api';
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
    <Dialog
      title=".env"
      description={path || 'Loading…'}
      size="lg"
      testId="env-editor"
      closeOnOutsideClick={false}
      onClose={onClose}
      footer={
        <>
          <span className="muted env-status" data-testid="env-status" aria-live="polite">
            {status === 'saved' ? 'Saved. Services pick it up when they are recreated: run Up.' : ''}
            {status === 'saving' ? 'Saving…' : ''}
            {invalid ? 'A name is not valid: letters, digits and _ only, not starting with a digit.' : ''}
          </span>
          <Button
            variant="primary"
            disabled={invalid || status !== 'dirty'}
            onClick={() => void save()}
            data-testid="env-save"
          >
            Save
          </Button>
          <Button onClick={onClose}>Close</Button>
        </>
      }
    >
      <div
        onKeyDown={(event) => {
          if ((event.ctrlKey || event.metaKey) && event.key === 's') {
            event.preventDefault();
            void save();
          }
        }}
      >
        {error && <ErrorNote error={error} testId="env-error" />}
        {lines && (
          <div className="env-table">
            {lines.map((line, index) =>
              line.kind === 'other' ? null : (
                <div key={index} className="env-row" data-testid="env-row" data-key={line.key}>
                  <input
                    aria-label="Name"
                    className="mono"
                    value={line.key}
                    aria-invalid={!isValidEnvKey(line.key)}
                    onChange={(event) => update(index, { key: event.target.value })}
                  />
                  <input
                    aria-label={`Value of ${line.key}`}
                    className="mono"
                    type={isSecretKey(line.key) && !revealed.has(index) ? 'password' : 'text'}
                    autoComplete="off"
                    spellCheck={false}
                    title={isSecretKey(line.key) && !revealed.has(index) ? undefined : line.value}
                    value={line.value}
                    onChange={(event) => update(index, { value: event.target.value })}
                    data-testid="env-value"
                  />
                  <span className="env-row-actions">
                    {isSecretKey(line.key) && (
                      <IconButton
                        icon={revealed.has(index) ? <EyeOff size={15} /> : <Eye size={15} />}
                        label={revealed.has(index) ? `Hide ${line.key}` : `Reveal ${line.key}`}
                        aria-pressed={revealed.has(index)}
                        onClick={() =>
                          setRevealed((current) => {
                            const next = new Set(current);
                            if (!next.delete(index)) next.add(index);
                            return next;
                          })
                        }
                        data-testid="env-reveal"
                      />
                    )}
                    <IconButton
                      icon={<Trash2 size={15} />}
                      label={`Remove ${line.key}`}
                      onClick={() => {
                        setLines((current) => current?.filter((_, i) => i !== index) ?? null);
                        setStatus('dirty');
                      }}
                    />
                  </span>
                </div>
              ),
            )}
          </div>
        )}
        <Button
          size="sm"
          icon={<Plus size={14} />}
          onClick={() => {
            setLines((current) => [
              ...(current ?? []),
              { kind: 'entry', exported: false, key: 'NEW_VARIABLE', value: '' },
            ]);
            setStatus('dirty');
          }}
        >
          Add variable
        </Button>
      </div>
    </Dialog>
  );
}
