import { describe, expect, it } from 'vitest';
import type { LogSource } from '@shared/schemas/logs';
import { sourceLabels } from '../../../src/renderer/src/features/logs/source-labels';

function source(index: number, name: string, service: string | null, project: string | null = 'ml'): LogSource {
  return { index, containerId: `c${index}`, name, service, project, tty: false };
}

const texts = (sources: LogSource[]) => sourceLabels(sources).map((label) => label.text);

describe('log source labels', () => {
  it('names a compose service alone by its service, several containers of one by their names', () => {
    expect(texts([source(0, 'ml-api-1', 'api'), source(1, 'ml-web-1', 'web'), source(2, 'ml-web-2', 'web')])).toEqual([
      'api',
      'ml-web-1',
      'ml-web-2',
    ]);
  });

  it('names swarm tasks by service and slot, or by node for a global service', () => {
    expect(
      texts([
        source(0, 'ml_api.1.abcdefghijkl@node-a', 'ml_api'),
        source(1, 'ml_api.2.bcdefghijklm@node-b', 'ml_api'),
        source(2, 'ml_agent.x7y8z9.cdefghijklmn@node-a', 'ml_agent'),
        source(3, 'ml_agent.k1l2m3.defghijklmno@node-b', 'ml_agent'),
      ]),
    ).toEqual(['ml_api.1', 'ml_api.2', 'ml_agent@node-a', 'ml_agent@node-b']);
  });

  it('keeps the full name of tasks that share a slot (a replaced task), and of tasks not named yet', () => {
    expect(
      texts([
        source(0, 'ml_api.1.abcdefghijkl@node-a', 'ml_api'),
        source(1, 'ml_api.1.bcdefghijklm@node-a', 'ml_api'),
        source(2, 'ml_api.cdefghijklmn', 'ml_api'),
      ]),
    ).toEqual(['ml_api.1.abcdefghijkl@node-a', 'ml_api.1.bcdefghijklm@node-a', 'ml_api.cdefghijklmn']);
  });

  it('gives each source its own colour, in turn', () => {
    const labels = sourceLabels([source(0, 'a', 'a'), source(1, 'b', 'b')]);
    expect(labels.map((label) => label.color)).toEqual(['var(--source-0)', 'var(--source-1)']);
  });
});
