import { describe, expect, it } from 'vitest';
import type { Notice } from '@shared/schemas/notices';
import { MAX_TOASTS, withNotice } from '../../../src/renderer/src/features/notices/notices-store';

const notice = (containerId: string, kind: Notice['kind'], time = 0): Notice => ({
  kind,
  severity: 'failed',
  project: 'demo',
  service: 'trainer',
  containerId,
  containerName: `demo-${containerId}`,
  title: `${containerId} ${kind}`,
  body: '',
  time,
});

describe('toasts', () => {
  it('put the newest on top, replace one about the same container and kind, and keep at most a few', () => {
    let toasts = withNotice([], notice('a', 'died', 1));
    toasts = withNotice(toasts, notice('b', 'oom-killed', 2));
    toasts = withNotice(toasts, notice('a', 'died', 3));
    expect(toasts.map((toast) => [toast.containerId, toast.time])).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
    for (let i = 0; i < 10; i++) toasts = withNotice(toasts, notice(`c${i}`, 'crash-loop'));
    expect(toasts).toHaveLength(MAX_TOASTS);
    expect(toasts[0]!.containerId).toBe('c9');
  });
});
