import { Cpu } from 'lucide-react';
import { Button } from '../../components/Button';
import { useEngineGate } from '../../status/engine-gate';
import { useBerthStore } from '../../stores/store';

/**
 * "Start without GPU": brings the services up through Berth's no-GPU override, as `berth up --without-gpu` does;
 * the Compose files stay as they are. For GPU stacks on an engine that can't give containers GPUs.
 */
export function StartWithoutGpu({ projectKey, services }: { projectKey: string; services: string[] }) {
  const runCompose = useBerthStore((state) => state.runCompose);
  const busy = useBerthStore((state) => state.operations[projectKey]?.status === 'running');
  const gate = useEngineGate();
  return (
    <Button
      size="sm"
      icon={<Cpu size={14} aria-hidden="true" />}
      disabled={busy || !gate.connected}
      title={
        gate.reason ?? 'Run these services on the CPU: Berth leaves out their GPU request (your files are unchanged).'
      }
      onClick={() => runCompose(projectKey, 'up', services, { withoutGpu: true })}
      data-testid="start-without-gpu"
    >
      Start without GPU
    </Button>
  );
}
