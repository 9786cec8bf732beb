import { describe, expect, it } from 'vitest';
import { formatHistory, formatPrunePlan } from '../../../src/main/cli/commands/disk-format';
import { instructionOf } from '../../../src/main/services/disk/images';

describe('image history', () => {
  it('reads the instruction of classic and BuildKit history entries', () => {
    expect(instructionOf('/bin/sh -c #(nop)  CMD ["sh"]')).toBe('CMD ["sh"]');
    expect(instructionOf('/bin/sh -c pip install torch')).toBe('RUN pip install torch');
    expect(instructionOf('|2 CUDA=12.1 PY=3.11 /bin/sh -c pip install torch')).toBe('RUN pip install torch');
    expect(instructionOf('RUN /bin/sh -c echo h5bc22069 > /marker # buildkit')).toBe('RUN echo h5bc22069 > /marker');
    expect(instructionOf('COPY . /app # buildkit')).toBe('COPY . /app');
    expect(instructionOf('')).toBe('');
  });

  it('prints docker history columns and names the biggest layers', () => {
    const now = Date.UTC(2026, 11, 4, 12);
    const text = formatHistory(
      [
        {
          id: 'sha256:801065e88cf0aaaa',
          createdAt: now - 180_000,
          instruction: 'RUN pip install torch==2.4.0 torchvision torchaudio --index-url x',
          sizeBytes: 9_000_000_000,
          comment: '',
          tags: [],
        },
        {
          id: '<missing>',
          createdAt: now - 7_200_000,
          instruction: 'COPY . /app',
          sizeBytes: 1_000_000_000,
          comment: '',
          tags: [],
        },
      ],
      false,
      now,
    );
    expect(text.split('\n')[0]).toMatch(/^IMAGE\s+CREATED\s+CREATED BY\s+SIZE\s+COMMENT$/);
    expect(text).toContain('801065e88cf0   3 minutes ago');
    expect(text).toContain('RUN pip install torch==2.4.0 torchvision tor…');
    expect(text).toContain('Total 10GB; the biggest layers:');
    expect(text).toMatch(/ 9GB\s+90%\s+RUN pip install/);
  });

  it('says what a prune would remove and free', () => {
    const plan = {
      token: 't',
      kind: 'images' as const,
      items: [{ id: 'sha256:1', name: '<none> (111111111111)', sizeBytes: 92_100 }],
      reclaimableBytes: 92_100,
      expiresAt: 0,
    };
    expect(formatPrunePlan(plan)).toBe(
      'Would remove 1 images, freeing at least 92.1kB:\n     92.1kB  <none> (111111111111)\n',
    );
    expect(formatPrunePlan({ ...plan, items: [], reclaimableBytes: 0 })).toBe(
      'Nothing to remove: no unused images match.\n',
    );
  });
});
