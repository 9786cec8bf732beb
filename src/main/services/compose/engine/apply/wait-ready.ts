/** `up --wait`: every started container running (and healthy, when it has a healthcheck), or done with exit 0. */
import { BerthError } from '@shared/errors';
import type { ApplyContext } from './apply-context';
import { sleep } from './run-steps';

const POLL_MS = 250;

export async function waitUntilReady(
  context: ApplyContext,
  containers: { service: string; name: string }[],
  timeoutMs?: number,
): Promise<void> {
  const deadline = timeoutMs ? Date.now() + timeoutMs : Infinity;
  await Promise.all(
    containers.map(async ({ service, name }) => {
      let announced = false;
      for (;;) {
        const info = await context.docker.getContainer(context.containerIds.get(name) ?? name).inspect();
        const state = info.State;
        if (state.Status === 'exited' || state.Status === 'dead') {
          if (state.ExitCode === 0) {
            context.emit({ kind: 'exited', service, container: name, exitCode: 0 });
            return;
          }
          context.emit({ kind: 'exited', service, container: name, exitCode: state.ExitCode });
          throw new BerthError('E_ENGINE_ERROR', `container ${name} exited (${state.ExitCode})`, {
            fix: `See why with: docker logs ${name}`,
          });
        }
        const health = state.Health?.Status;
        if (health === 'unhealthy') {
          context.emit({ kind: 'error', service, container: name, message: 'unhealthy' });
          throw new BerthError('E_ENGINE_ERROR', `container ${name} is unhealthy`, {
            fix: `See the healthcheck's output with: docker inspect ${name}`,
          });
        }
        if (state.Running && (!health || health === 'healthy')) {
          context.emit({ kind: health ? 'healthy' : 'running', service, container: name });
          return;
        }
        if (health === 'starting' && !announced) {
          context.emit({ kind: 'waiting-healthy', service, container: name });
          announced = true;
        }
        if (Date.now() > deadline) {
          throw new BerthError('E_ENGINE_ERROR', `container ${name} was not ready in time`, {
            fix: 'Raise --wait-timeout or check its healthcheck.',
          });
        }
        await sleep(POLL_MS, context.signal);
      }
    }),
  );
}
