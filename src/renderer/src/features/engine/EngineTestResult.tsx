import { CircleCheck, KeyRound } from 'lucide-react';
import { useState } from 'react';
import type { EngineTestResultView } from '@shared/schemas/engines';
import { Button } from '../../components/Button';
import { ErrorNote } from '../../components/ErrorNote';

interface EngineTestResultProps {
  result: EngineTestResultView;
  /** Trusts the host key shown; resolves when main answered (the dialog then shows the new result). */
  onAcceptHostKey(fingerprint: string): Promise<void>;
}

function gpuText(result: Extract<EngineTestResultView, { ok: true }>): string {
  const { gpus } = result;
  if (gpus.cdiDevices.length > 0)
    return `${gpus.cdiDevices.length} GPU device(s) via CDI: ${gpus.cdiDevices.join(', ')}`;
  if (gpus.nvidiaRuntime) return 'NVIDIA runtime installed';
  return 'no GPU runtime reported';
}

/** What one connection test found: the engine and its GPUs, or what failed with the fix; an unknown host key to confirm. */
export function EngineTestResult({ result, onAcceptHostKey }: EngineTestResultProps) {
  const [compared, setCompared] = useState(false);
  const [pending, setPending] = useState(false);
  if (result.ok) {
    const { info } = result;
    return (
      <div className="engine-test-ok" data-testid="engine-test-result" data-ok="true" role="status">
        <CircleCheck size={16} aria-hidden="true" />
        <div>
          <p>
            Connected to <strong>{info.name}</strong> in {Math.round(result.elapsedMs)} ms
          </p>
          <p className="muted">
            {info.serverVersion} · API {info.apiVersion} · {info.os} ({info.architecture}) · {gpuText(result)}
          </p>
          {result.notes.map((note) => (
            <p key={note} className="engine-test-note">
              {note}
            </p>
          ))}
        </div>
      </div>
    );
  }
  const hostKey = result.hostKey;
  return (
    <div data-testid="engine-test-result" data-ok="false">
      <ErrorNote compact error={{ code: 'E_ENGINE_UNREACHABLE', message: result.reason, fix: result.fix }} />
      {hostKey && (
        <fieldset className="engine-host-key" data-testid="engine-host-key">
          <legend>
            <KeyRound size={14} aria-hidden="true" /> Unknown host key
          </legend>
          <p>
            {hostKey.host} presents this {hostKey.keyType} key:
          </p>
          <code className="engine-fingerprint" data-testid="engine-fingerprint">
            {hostKey.fingerprint}
          </code>
          <label className="engine-check">
            <input
              type="checkbox"
              checked={compared}
              onChange={(event) => setCompared(event.target.checked)}
              data-testid="engine-fingerprint-compared"
            />
            I compared it with the fingerprint the host&apos;s owner sees, and it is the same
          </label>
          <Button
            disabled={!compared}
            pending={pending}
            data-testid="engine-accept-host-key"
            onClick={() => {
              setPending(true);
              void onAcceptHostKey(hostKey.fingerprint).finally(() => setPending(false));
            }}
          >
            Trust this key
          </Button>
        </fieldset>
      )}
    </div>
  );
}
