import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '@shared/schemas/engine';
import { RunHistory } from '../../../src/main/services/diagnostics/run-history';

const event = (action: string, atMs: number, attributes: Record<string, string> = {}): EngineEvent => ({
  type: 'container',
  action,
  id: 'c1',
  attributes,
  timeNano: atMs * 1e6,
});

describe('RunHistory', () => {
  it('counts restarts (starts after a die) within the window', () => {
    let now = 0;
    const history = new RunHistory(() => now);
    history.recordEvent(event('start', 0));
    for (let i = 1; i <= 4; i++) {
      history.recordEvent(event('die', i * 1_000, { exitCode: '3' }));
      history.recordEvent(event('start', i * 1_000 + 100));
    }
    now = 10_000;
    expect(history.restartsWithin('c1')).toBe(4);
    now = 10 * 60_000;
    expect(history.restartsWithin('c1')).toBe(0);
  });

  it('counts restarts that happened between two inspects from the restart count', () => {
    let now = 0;
    const history = new RunHistory(() => now);
    history.recordInspect('c1', 2);
    now = 60_000;
    history.recordInspect('c1', 7);
    expect(history.restartsWithin('c1')).toBe(5);
  });

  it('knows the kill signals sent before an exit, and forgets a destroyed container', () => {
    const history = new RunHistory(() => 0);
    history.recordEvent(event('kill', 1_000, { signal: '15' }));
    history.recordEvent(event('kill', 11_000, { signal: '9' }));
    history.recordEvent(event('die', 11_050, { exitCode: '137' }));
    expect(history.killsBeforeExit('c1', 11_050)).toEqual(['15', '9']);
    expect(history.killsBeforeExit('c1', 500_000)).toEqual([]);
    history.recordEvent(event('destroy', 12_000));
    expect(history.size).toBe(0);
  });
});
