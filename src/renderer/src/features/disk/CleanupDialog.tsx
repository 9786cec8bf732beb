import { useId, useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import { cleanupConfirmation, type CleanupPlan, type CleanupResult } from '@shared/schemas/disk';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorNote } from '../../components/ErrorNote';
import { api } from '../../lib/api';
import { CleanupResultView } from './CleanupResultView';
import { CleanupSections } from './CleanupSections';
import { formatBytes, plural } from './format';
import { chooseAny, type CleanupChoice } from './cleanup-choice';
import { useCleanupPlan } from './use-cleanup-plan';

const OPTIONS: Array<{ key: keyof CleanupChoice; label: string; hint: string }> = [
  { key: 'containers', label: 'Stopped containers', hint: 'exited, created or dead; their volumes stay' },
  { key: 'danglingImages', label: 'Dangling images', hint: 'untagged, no container or image needs them' },
  { key: 'unusedImages', label: 'Unused images', hint: 'also tagged images no container uses' },
  { key: 'buildCache', label: 'Build cache', hint: 'records no build is using now' },
  { key: 'volumes', label: 'Unused volumes', hint: 'no container mounts them: their data is deleted for good' },
];

const INITIAL: CleanupChoice = {
  containers: false,
  danglingImages: true,
  unusedImages: false,
  buildCache: true,
  volumes: false,
};

/** Choose what to prune, see exactly what goes and what it frees, confirm (typed, when volumes are in), see the result. */
export function CleanupDialog({ onClose, onCleaned }: { onClose(): void; onCleaned(result: CleanupResult): void }) {
  const [choice, setChoice] = useState(INITIAL);
  const [typed, setTyped] = useState('');
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<CleanupResult | null>(null);
  const [runError, setRunError] = useState<ErrorPayload | null>(null);
  const [generation, setGeneration] = useState(0);
  const { plan, planning, error } = useCleanupPlan(choice, result === null, generation);
  const typedId = useId();
  const volumeCount = plan?.sections.find((section) => section.kind === 'volumes')?.items.length ?? 0;
  const expected = plan ? cleanupConfirmation(plan) : '';
  const confirmed = volumeCount === 0 || typed === expected;
  const canRun = plan !== null && plan.itemCount > 0 && confirmed && !running;

  const run = async (current: CleanupPlan) => {
    setRunning(true);
    setRunError(null);
    const confirmText = volumeCount > 0 ? typed : expected;
    const answer = await api.disk.cleanup({ token: current.token, confirmText });
    setRunning(false);
    if (answer.ok) {
      setResult(answer.value);
      onCleaned(answer.value);
    } else {
      // Whatever happened, that plan is spent: show what would go now.
      setRunError(answer.error);
      setTyped('');
      setGeneration((value) => value + 1);
    }
  };

  const footer = result ? (
    <Button variant="primary" onClick={onClose} data-testid="disk-cleanup-close">
      Close
    </Button>
  ) : (
    <>
      <Button
        variant="destructive"
        disabled={!canRun}
        pending={running}
        onClick={() => plan && canRun && void run(plan)}
        data-testid="disk-cleanup-run"
      >
        {plan && plan.itemCount > 0
          ? `Remove ${plural(plan.itemCount, 'item')} · free ${formatBytes(plan.reclaimableBytes)}`
          : 'Remove'}
      </Button>
      <Button onClick={onClose}>Cancel</Button>
    </>
  );

  return (
    <Dialog
      title="Clean up disk space"
      description="Only what is listed below is removed; anything that starts or gets used meanwhile stays."
      onClose={onClose}
      footer={footer}
      closeOnOutsideClick={false}
      testId="disk-cleanup"
    >
      {result ? (
        <CleanupResultView result={result} />
      ) : (
        <>
          <fieldset className="disk-cleanup-choices" disabled={running}>
            <legend className="visually-hidden">What to remove</legend>
            {OPTIONS.map((option) => {
              const implied = option.key === 'danglingImages' && choice.unusedImages;
              return (
                <label key={option.key} className="disk-cleanup-choice">
                  <input
                    type="checkbox"
                    checked={choice[option.key] || implied}
                    disabled={implied}
                    onChange={(event) => {
                      setTyped('');
                      setChoice({ ...choice, [option.key]: event.target.checked });
                    }}
                    data-testid={`disk-cleanup-${option.key}`}
                  />
                  <span>
                    {option.label} <span className="muted">— {option.hint}</span>
                  </span>
                </label>
              );
            })}
          </fieldset>
          {!chooseAny(choice) && <p className="muted">Choose what to remove.</p>}
          {planning && <p className="muted">Looking at what would be removed…</p>}
          {error && <ErrorNote error={error} compact />}
          {plan && <CleanupSections plan={plan} />}
          {volumeCount > 0 && (
            <div className="disk-typed-confirm">
              <label htmlFor={typedId} className="warning">
                {plural(volumeCount, 'volume')} and everything in them will be deleted; this cannot be undone. Type{' '}
                <span className="mono typed-confirm-name">{expected}</span> to confirm:
              </label>
              <input
                id={typedId}
                className="typed-confirm-input"
                value={typed}
                autoComplete="off"
                spellCheck={false}
                onChange={(event) => setTyped(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && plan && canRun) void run(plan);
                }}
                data-testid="disk-cleanup-typed"
              />
            </div>
          )}
          {runError && <ErrorNote error={runError} compact />}
        </>
      )}
    </Dialog>
  );
}
