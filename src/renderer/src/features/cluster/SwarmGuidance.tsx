import { RefreshCw } from 'lucide-react';
import { Button } from '../../components/Button';

interface SwarmGuidanceProps {
  reason: string;
  onRetry(): void;
}

/** Shown instead of the cluster while the engine is not a swarm manager: why, and the two ways out. */
export function SwarmGuidance({ reason, onRetry }: SwarmGuidanceProps) {
  return (
    <section className="panel swarm-guidance" data-testid="cluster-not-swarm" aria-labelledby="swarm-guidance-title">
      <h2 id="swarm-guidance-title">This engine is not a swarm manager</h2>
      <p className="muted" data-testid="cluster-not-swarm-reason">
        {reason}
      </p>
      <p>Stacks, nodes and services need Docker Swarm. Either:</p>
      <ol className="swarm-guidance-steps">
        <li>
          make this engine a one-node swarm: on the engine&apos;s host, run{' '}
          <code className="mono" data-testid="cluster-swarm-init">
            docker swarm init
          </code>{' '}
          (add <code className="mono">--advertise-addr ADDRESS</code> when the host has several addresses), then check
          again; or
        </li>
        <li>connect Berth to an engine that is a swarm manager, with the engine switcher in the sidebar.</li>
      </ol>
      <p className="muted">Export to Kubernetes (above) works without a swarm.</p>
      <Button size="sm" icon={<RefreshCw size={14} aria-hidden="true" />} onClick={onRetry} data-testid="cluster-retry">
        Check again
      </Button>
    </section>
  );
}
