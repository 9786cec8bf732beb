import { describe, expect, it } from 'vitest';

// The module opens streams through the renderer's transport; give it an inert one (these tests never open one).
(globalThis as { window?: unknown }).window = { berth: {} };
const { watchStatusLine } = await import('../../../src/renderer/src/features/builds/watch-sessions');

describe('the Watch status line', () => {
  const at = Date.UTC(2026, 11, 4, 12, 0, 0);

  it('says what was synced, into which service, and how long it took', () => {
    const line = watchStatusLine({
      kind: 'synced',
      service: 'api',
      containers: ['demo-api-1'],
      files: ['app.py'],
      deleted: [],
      at,
      durationMs: 84,
    });
    expect(line).toMatch(/^Synced 1 file into api at .+ \(84 ms\)$/);
  });

  it('counts files in the plural and gives a rebuild its duration', () => {
    expect(watchStatusLine({ kind: 'rebuilding', service: 'api', files: ['a', 'b'], at })).toBe(
      'Rebuilding api (2 files changed)…',
    );
    expect(watchStatusLine({ kind: 'rebuilt', service: 'api', at, durationMs: 12_340 })).toMatch(/in 12\.3 s$/);
  });

  it('puts the fix after an error', () => {
    expect(
      watchStatusLine({
        kind: 'error',
        service: 'api',
        message: 'target outside the container',
        fix: 'Change target',
        at,
      }),
    ).toBe('api: target outside the container — Change target');
  });
});
