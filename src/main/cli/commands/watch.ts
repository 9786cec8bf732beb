/**
 * `berth watch [SERVICE...]`, like `docker compose watch`: brings the services up, then keeps them in step with
 * their develop.watch rules until Ctrl-C, printing what was synced, restarted or rebuilt.
 */
import type { Writable } from 'node:stream';
import { startProjectWatch } from '../../services/watch/project-watch';
import type { WatchStatus } from '../../services/watch/watch-status';
import { COMPOSE_GLOBAL_FLAGS_USAGE } from '../compose-flags';
import { composeCommand, flag } from './compose-command';

const USAGE = `Usage: berth ${COMPOSE_GLOBAL_FLAGS_USAGE} watch [OPTIONS] [SERVICE...]

Start the services (as berth up does), then watch the files their develop.watch rules name: sync them into the
running containers (sync, sync+restart, sync+exec) or rebuild and recreate the service (rebuild). Ctrl-C stops.

Options:
      --no-up          Do not start the services first
      --initial-sync   Sync every sync rule's files once when watching starts
      --quiet          Print only errors
`;

export const watchCommand = composeCommand({
  name: 'watch',
  usage: USAGE,
  options: { booleans: { '--no-up': 'noUp', '--initial-sync': 'initialSync', '--quiet': 'quiet' } },
  async execute(session, options) {
    const services = options.positionals;
    const project = await session.loadProject(services);
    const quiet = flag(options, 'quiet');
    const onProgress = quiet ? undefined : session.progress.onProgress;
    if (!flag(options, 'noUp'))
      await (await session.engine()).up(project, { services, signal: session.signal, onProgress });
    const { stdout, stderr } = session.context;
    const watch = await startProjectWatch({ docker: session.docker, engine: await session.engine() }, project, {
      services,
      initialSync: flag(options, 'initialSync'),
      onProgress,
      onStatus: (status) => printStatus(status, quiet ? null : stdout, stderr),
    });
    let failed = false;
    await new Promise<void>((resolve) => {
      if (session.signal.aborted) return resolve();
      session.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await watch.stop().catch(() => {
      failed = true;
    });
    return failed ? 1 : 0;
  },
});

function printStatus(status: WatchStatus, out: Writable | null, err: Writable): void {
  const time = new Date(status.at).toTimeString().slice(0, 8);
  const line = (text: string) => out?.write(`${time} ${text}\n`);
  switch (status.kind) {
    case 'watching':
      return void line(`Watching ${status.services.join(', ')} (Ctrl-C to stop)`);
    case 'synced': {
      const what = [
        status.files.length
          ? `${status.files.length} file${status.files.length === 1 ? '' : 's'} (${shortList(status.files)})`
          : '',
        status.deleted.length ? `deleted ${shortList(status.deleted)}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      return void line(
        `${status.service}: synced ${what} into ${status.containers.join(', ')} in ${status.durationMs} ms`,
      );
    }
    case 'restarted':
      return void line(`${status.service}: restarted`);
    case 'executed':
      return void line(`${status.service}: ran ${status.command.join(' ')} (exit ${status.exitCode})`);
    case 'rebuilding':
      return void line(`${status.service}: rebuilding (${shortList(status.files)} changed)`);
    case 'rebuilt':
      return void line(`${status.service}: rebuilt and recreated in ${(status.durationMs / 1000).toFixed(1)}s`);
    case 'error':
      err.write(`${time} ${status.service}: ${status.message}\n${status.fix ? `  ${status.fix}\n` : ''}`);
      return;
    case 'stopped':
      return void line('Watch stopped');
  }
}

function shortList(paths: string[]): string {
  return paths.length > 3 ? `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more` : paths.join(', ');
}
