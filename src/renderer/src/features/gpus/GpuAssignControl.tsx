import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ErrorPayload } from '@shared/errors';
import { Button } from '../../components/Button';
import { ErrorNote } from '../../components/ErrorNote';
import type { GpuDevice } from '@shared/schemas/gpu';
import { useBerthStore } from '../../stores/store';
import { pinnableGpus, pinnedGpuLabel } from './gpu-pin-label';

/**
 * "Assign GPUs…" for one service: pins host GPUs to it, or goes back to what the project's files ask for. The pin
 * lives in Berth's own override file, so it changes nothing until the project is next brought up or recreated.
 */
export function GpuAssignControl({
  project,
  service,
  gpus,
}: {
  project: string;
  service: string;
  gpus: readonly GpuDevice[];
}) {
  const pinned = useBerthStore(
    (state) =>
      state.gpuAssignments.find((entry) => entry.project === project && entry.service === service)?.deviceIds ?? null,
  );
  const assignGpus = useBerthStore((state) => state.assignGpus);
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const formId = useId();
  const choices = pinnableGpus(gpus);
  const serviceName = `${project}/${service}`;

  const close = () => {
    setOpen(false);
    setError(null);
    toggleRef.current?.focus();
  };
  const start = () => {
    setSelected(pinned ?? []);
    setError(null);
    setOpen(true);
  };
  const toggleGpu = (id: string, checked: boolean) =>
    setSelected((current) => (checked ? [...current, id] : current.filter((entry) => entry !== id)));
  const save = async () => {
    setSaving(true);
    const ordered = choices.map((gpu) => String(gpu.index)).filter((id) => selected.includes(id));
    const failure = await assignGpus(project, service, ordered.length > 0 ? ordered : null);
    setSaving(false);
    if (failure) setError(failure);
    else close();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close();
  };

  return (
    <div className="gpu-assign" data-testid="gpu-assign" data-service={serviceName}>
      <span data-testid="gpu-pin">
        {pinned
          ? `Pinned by Berth: ${pinned.map((id) => pinnedGpuLabel(id, gpus)).join(', ')}`
          : 'Project default (as the compose file asks)'}
      </span>{' '}
      <Button
        size="sm"
        ref={toggleRef}
        aria-expanded={open}
        aria-controls={formId}
        aria-label={`Assign GPUs to ${serviceName}`}
        onClick={() => (open ? close() : start())}
        data-testid="gpu-assign-toggle"
      >
        Assign GPUs…
      </Button>
      {open && (
        <form
          id={formId}
          onKeyDown={onKeyDown}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <fieldset>
            <legend>GPUs for {serviceName}</legend>
            <label>
              <input
                type="checkbox"
                checked={selected.length === 0}
                onChange={(event) => event.target.checked && setSelected([])}
                data-testid="gpu-assign-default"
              />
              Project default
            </label>
            {choices.map((gpu) => (
              <label key={gpu.id}>
                <input
                  type="checkbox"
                  checked={selected.includes(String(gpu.index))}
                  onChange={(event) => toggleGpu(String(gpu.index), event.target.checked)}
                  data-testid="gpu-assign-option"
                />
                GPU {gpu.index}: {gpu.name}
              </label>
            ))}
            {choices.length === 0 && <p className="muted">No NVIDIA GPU on this computer to pin.</p>}
          </fieldset>
          <p className="muted" id={`${formId}-note`}>
            The pin takes effect the next time the project is brought up or recreated. Berth keeps it in its own
            override file; your compose files are not changed.
          </p>
          {error && <ErrorNote compact error={error} testId="gpu-assign-error" />}
          <div className="toolbar">
            <Button
              variant="primary"
              size="sm"
              type="submit"
              disabled={saving}
              pending={saving}
              aria-describedby={`${formId}-note`}
              data-testid="gpu-assign-save"
            >
              Save
            </Button>
            <Button size="sm" onClick={close}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
