import type { GpuCapability } from '@shared/schemas/gpu';

const VERDICT_TEXT = { yes: 'yes', no: 'no', unknown: 'unknown' } as const;

/** "Can containers use GPUs?" with the reason and the fix: the panel users open when a GPU stack fails. */
export function CapabilityPanel({ capability }: { capability: GpuCapability | null }) {
  if (!capability) {
    return (
      <section className="panel" data-testid="gpu-capability" data-verdict="unknown">
        <h2>Containers can use GPUs: unknown</h2>
        <p className="muted">The Docker engine is not reachable, so Berth cannot ask it about GPU support.</p>
      </section>
    );
  }
  return (
    <section className="panel" data-testid="gpu-capability" data-verdict={capability.verdict}>
      <h2>
        Containers can use GPUs:{' '}
        <span className={`verdict verdict-${capability.verdict}`}>{VERDICT_TEXT[capability.verdict]}</span>
      </h2>
      <p data-testid="gpu-because">
        <strong>Because:</strong> {capability.because}
      </p>
      {capability.fix && (
        <p data-testid="gpu-fix">
          <strong>To fix:</strong> {capability.fix}
        </p>
      )}
      {!capability.engineIsLocal && (
        <p className="warning">
          The engine runs on another machine: the GPUs listed below are this computer's, not the engine's.
        </p>
      )}
      <dl className="facts">
        <dt>Runtimes</dt>
        <dd>
          {capability.runtimes.join(', ') || 'none'}
          {capability.defaultRuntime ? ` (default: ${capability.defaultRuntime})` : ''}
        </dd>
        <dt>CDI devices</dt>
        <dd>{capability.cdiDevices.join(', ') || 'none'}</dd>
        {capability.dockerDesktop && (
          <>
            <dt>Engine</dt>
            <dd>Docker Desktop{capability.wsl2 ? ' (WSL 2)' : ''}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
