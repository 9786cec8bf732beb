import { describe, expect, it } from 'vitest';
import { AckFlowControl } from '../../../src/main/ipc/core/flow-control';

function recorder() {
  const calls: string[] = [];
  return { calls, target: { pause: () => calls.push('pause'), resume: () => calls.push('resume') } };
}

describe('AckFlowControl', () => {
  it('pauses the producer above the high watermark and resumes below the low one', () => {
    const { calls, target } = recorder();
    const flow = new AckFlowControl(target, 100, 10);
    flow.sent(60);
    flow.sent(40);
    expect(calls).toEqual([]); // exactly at the watermark: not above it
    flow.sent(1);
    expect(calls).toEqual(['pause']);
    expect(flow.isPaused).toBe(true);

    flow.sent(50); // still paused: no second pause
    flow.acknowledged(100);
    expect(flow.pending).toBe(51);
    expect(calls).toEqual(['pause']); // 51 is not below 10

    flow.acknowledged(45);
    expect(calls).toEqual(['pause', 'resume']);
    expect(flow.isPaused).toBe(false);
  });

  it('never counts below zero when a consumer over-acknowledges', () => {
    const { target } = recorder();
    const flow = new AckFlowControl(target, 100, 10);
    flow.sent(5);
    flow.acknowledged(1_000);
    expect(flow.pending).toBe(0);
  });

  it('uses the terminal-sized defaults (100k / 5k)', () => {
    const { calls, target } = recorder();
    const flow = new AckFlowControl(target);
    flow.sent(100_000);
    expect(calls).toEqual([]);
    flow.sent(1);
    expect(calls).toEqual(['pause']);
    flow.acknowledged(95_000);
    expect(calls).toEqual(['pause']);
    flow.acknowledged(2);
    expect(calls).toEqual(['pause', 'resume']);
  });

  it('rejects watermarks that would never resume', () => {
    expect(() => new AckFlowControl(recorder().target, 10, 10)).toThrow(RangeError);
  });
});
