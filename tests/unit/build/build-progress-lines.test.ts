/** `berth build` prints BuildKit steps as `docker compose build --progress=plain` does; a live row on a terminal. */
import { describe, expect, it } from 'vitest';
import type { BuildStep, ComposeProgressEvent } from '@shared/schemas/compose-progress';
import { ComposeProgressPrinter } from '../../../src/main/cli/commands/compose-progress-printer';
import { stepTitle } from '../../../src/main/cli/commands/build-timeline-lines';
import { captureCli } from '../../support/cli-context';

function capture(live: boolean): { printer: ComposeProgressPrinter; out: () => string; err: () => string } {
  const cli = captureCli({});
  return {
    printer: new ComposeProgressPrinter(cli.context.stdout, cli.context.stderr, live),
    out: cli.stdout,
    err: cli.stderr,
  };
}

const step = (fields: Partial<BuildStep> & Pick<BuildStep, 'number' | 'state'>): ComposeProgressEvent => ({
  kind: 'build-step',
  service: 'app',
  image: 'demo-app',
  step: { name: '[base 2/3] RUN make', ...fields },
});

describe('build progress lines', () => {
  it('names steps with the service as Compose does', () => {
    expect(stepTitle('app', '[base 2/3] RUN make')).toBe('[app base 2/3] RUN make');
    expect(stepTitle('app', '[internal] load build context')).toBe('[app internal] load build context');
    expect(stepTitle('app', 'exporting to image')).toBe('[app] exporting to image');
  });

  it('prints #N lines: the step once, finished statuses, output with its time, then DONE or CACHED', () => {
    const { printer, out, err } = capture(false);
    printer.onProgress(step({ number: 1, state: 'running' }));
    printer.onProgress(step({ number: 1, state: 'running', status: 'transferring context: 2B' }));
    printer.onProgress(step({ number: 1, state: 'running', status: 'transferring context: 12B done' }));
    printer.onProgress({
      kind: 'build-output',
      service: 'app',
      image: 'demo-app',
      step: 1,
      stream: 'stdout',
      elapsedMs: 512,
      lines: ['compiling', 'ok'],
    });
    printer.onProgress(step({ number: 1, state: 'done', durationMs: 1234 }));
    printer.onProgress(step({ number: 1, state: 'done', durationMs: 1234 }));
    printer.onProgress(step({ number: 2, name: '[base 3/3] COPY . .', state: 'cached' }));
    expect(out()).toBe(
      [
        '',
        '#1 [app base 2/3] RUN make',
        '#1 transferring context: 12B done',
        '#1 0.512 compiling',
        '#1 0.512 ok',
        '#1 DONE 1.2s',
        '',
        '#2 [app base 3/3] COPY . .',
        '#2 CACHED',
        '',
      ].join('\n'),
    );
    expect(err()).toBe('');
  });

  it('shows a failed step with what it printed last and its Dockerfile line', () => {
    const { printer, out, err } = capture(false);
    printer.onProgress(
      step({
        number: 3,
        state: 'error',
        error: 'exit code: 2',
        lastOutput: ['make: *** [all] Error 2'],
        source: { file: 'Dockerfile', line: 7, instruction: 'RUN make' },
      }),
    );
    expect(out()).toContain('#3 ERROR: exit code: 2');
    expect(err()).toBe(
      [
        '------',
        ' > [app base 2/3] RUN make:',
        '   make: *** [all] Error 2',
        '------',
        'Dockerfile:7',
        '  7 | >>> RUN make',
        '',
      ].join('\n'),
    );
  });

  it('keeps one live row per image on a terminal: steps done, the running one, its last line', () => {
    const { printer, out } = capture(true);
    printer.onProgress(step({ number: 1, state: 'cached' }));
    printer.onProgress(step({ number: 2, name: '[base 3/3] RUN pip install', state: 'running', durationMs: 2100 }));
    printer.onProgress({
      kind: 'build-output',
      service: 'app',
      image: 'demo-app',
      step: 2,
      stream: 'stdout',
      elapsedMs: 900,
      lines: ['Collecting torch'],
    });
    const lastFrame = out().split('\x1b[2K').at(-1)!;
    expect(lastFrame).toContain(
      'app Building demo-app  1 done  #2 [base 3/3] RUN pip install 2.1s  │ Collecting torch',
    );
  });
});
