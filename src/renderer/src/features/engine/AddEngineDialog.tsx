import { useState } from 'react';
import type { ErrorPayload, Result } from '@shared/errors';
import type { EngineTestResultView, KnownEngineView } from '@shared/schemas/engines';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorNote } from '../../components/ErrorNote';
import { api } from '../../lib/api';
import { suggestedName } from './engine-labels';
import { EngineTestResult } from './EngineTestResult';

interface AddEngineDialogProps {
  onAdded(engine: KnownEngineView): void;
  onCancel(): void;
}

/** The test result (or refusal) and the exact inputs it is about. */
interface Tested {
  key: string;
  result: EngineTestResultView | null;
  error: ErrorPayload | null;
}

/**
 * Adds an engine: a name, an address (`ssh://`, `tcp://`, `unix://`), a TLS folder for tcp. Adding tests the
 * connection first and shows what failed, with the fix; an unknown ssh host key is trusted only after the user says
 * they compared its fingerprint. An engine that does not answer can still be added, after a second press.
 */
export function AddEngineDialog({ onAdded, onCancel }: AddEngineDialogProps) {
  const [name, setName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [address, setAddress] = useState('');
  const [tlsDir, setTlsDir] = useState('');
  const [tlsVerify, setTlsVerify] = useState(true);
  const [tested, setTested] = useState<Tested | null>(null);
  const [addError, setAddError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState<'test' | 'add' | null>(null);

  const isTcp = address.trim().toLowerCase().startsWith('tcp://');
  const candidate = {
    address: address.trim(),
    ...(isTcp && tlsDir.trim() ? { tlsDir: tlsDir.trim(), tlsVerify } : {}),
  };
  const key = JSON.stringify(candidate);
  const current = tested?.key === key ? tested : null;
  // A connection failure (not a refused input) may be saved anyway: the engine may be off for now.
  const addAnyway = current?.result?.ok === false;

  const record = (outcome: Result<EngineTestResultView>): Tested => {
    const next = outcome.ok ? { key, result: outcome.value, error: null } : { key, result: null, error: outcome.error };
    setTested(next);
    return next;
  };

  const runTest = async (): Promise<Tested> => {
    setBusy('test');
    try {
      return record(await api.engines.test(candidate));
    } finally {
      setBusy(null);
    }
  };

  const acceptHostKey = async (fingerprint: string) => {
    const outcome = await api.engines.acceptHostKey({ address: candidate.address, fingerprint });
    if (outcome.ok) record({ ok: true, value: outcome.value.result });
    else setTested({ key, result: current?.result ?? null, error: outcome.error });
  };

  const add = async () => {
    setAddError(null);
    const outcome = addAnyway || current?.result?.ok ? current : await runTest();
    if (!outcome || outcome.error || !outcome.result) return;
    if (!outcome.result.ok && !addAnyway) return;
    setBusy('add');
    try {
      const added = await api.engines.add({ name: name.trim(), ...candidate });
      if (added.ok) onAdded(added.value);
      else setAddError(added.error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog
      title="Add engine"
      description="A Docker or Podman engine on this machine, or on another one over ssh or TLS. Nothing is installed on it."
      onClose={onCancel}
      testId="add-engine-dialog"
      closeOnOutsideClick={false}
      footer={
        <>
          <Button
            variant="primary"
            type="submit"
            form="add-engine-form"
            pending={busy === 'add'}
            disabled={busy !== null || name.trim() === '' || address.trim() === ''}
            data-testid="add-engine-submit"
          >
            {addAnyway ? 'Add anyway' : 'Add engine'}
          </Button>
          <Button
            onClick={() => void runTest()}
            pending={busy === 'test'}
            disabled={busy !== null || address.trim() === ''}
            data-testid="add-engine-test"
          >
            Test connection
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </>
      }
    >
      <form
        id="add-engine-form"
        className="engine-form"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <label className="engine-field">
          <span>Address</span>
          <input
            autoFocus
            value={address}
            placeholder="ssh://user@gpu-box"
            spellCheck={false}
            onChange={(event) => {
              setAddress(event.target.value);
              if (!nameEdited) setName(suggestedName(event.target.value));
            }}
            data-testid="add-engine-address"
          />
          <small className="muted">ssh://user@host[:port], tcp://host:2376 or unix:///var/run/docker.sock</small>
        </label>
        <label className="engine-field">
          <span>Name</span>
          <input
            value={name}
            placeholder="gpu-box"
            spellCheck={false}
            onChange={(event) => {
              setName(event.target.value);
              setNameEdited(true);
            }}
            data-testid="add-engine-name"
          />
          <small className="muted">
            Also works in the CLI: <code>berth --context {name.trim() || 'NAME'} ps</code>
          </small>
        </label>
        {isTcp && (
          <>
            <label className="engine-field">
              <span>TLS folder</span>
              <input
                value={tlsDir}
                placeholder="/home/me/.docker/gpu-box (ca.pem, cert.pem, key.pem)"
                spellCheck={false}
                onChange={(event) => setTlsDir(event.target.value)}
                data-testid="add-engine-tls-dir"
              />
            </label>
            <label className="engine-check">
              <input
                type="checkbox"
                checked={tlsVerify}
                disabled={tlsDir.trim() === ''}
                onChange={(event) => setTlsVerify(event.target.checked)}
              />
              Verify the engine&apos;s certificate with ca.pem
            </label>
          </>
        )}
      </form>
      <div className="engine-test-area" aria-live="polite">
        {current?.error && <ErrorNote compact error={current.error} testId="add-engine-error" />}
        {current?.result && <EngineTestResult result={current.result} onAcceptHostKey={acceptHostKey} />}
        {addError && <ErrorNote compact error={addError} testId="add-engine-error" />}
      </div>
    </Dialog>
  );
}
