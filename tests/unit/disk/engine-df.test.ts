import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { readDf } from '../../../src/main/services/disk/engine-df';

const busy = Object.assign(new Error('(HTTP code 500) server error - a disk usage operation is already running'), {
  statusCode: 500,
  json: { message: 'a disk usage operation is already running' },
});

function fakeDocker(answers: Array<'busy' | 'fail' | object>): { docker: Docker; calls: () => number } {
  let calls = 0;
  const docker = {
    df: async () => {
      const answer = answers[Math.min(calls++, answers.length - 1)];
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (answer === 'busy') throw busy;
      if (answer === 'fail') throw new Error('connect ENOENT /var/run/docker.sock');
      return answer;
    },
  } as unknown as Docker;
  return { docker, calls: () => calls };
}

describe('readDf', () => {
  it('shares one call among callers while it runs', async () => {
    const { docker, calls } = fakeDocker([{ LayersSize: 7 }]);
    const answers = await Promise.all([readDf(docker), readDf(docker), readDf(docker)]);
    expect(answers.map((a) => a.LayersSize)).toEqual([7, 7, 7]);
    expect(calls()).toBe(1);
    await readDf(docker);
    expect(calls()).toBe(2);
  });

  it('waits out a disk-usage call someone else is running', async () => {
    const { docker, calls } = fakeDocker(['busy', 'busy', { LayersSize: 3 }]);
    await expect(readDf(docker)).resolves.toMatchObject({ LayersSize: 3 });
    expect(calls()).toBe(3);
  });

  it('passes other errors on at once, and says what to do when the engine stays busy', async () => {
    const failing = fakeDocker(['fail']);
    await expect(readDf(failing.docker)).rejects.toThrow(/ENOENT/);
    expect(failing.calls()).toBe(1);
    const stuck = fakeDocker(['busy']);
    await expect(readDf(stuck.docker)).rejects.toMatchObject({
      code: 'E_ENGINE_ERROR',
      fix: expect.stringContaining('Try again in a moment'),
    });
  }, 20_000);
});
