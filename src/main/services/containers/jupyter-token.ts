import type Docker from 'dockerode';
import { jupyterTokenFromLogs } from '@shared/ml-links';

/**
 * The token Jupyter printed in its recent logs, for a link that logs straight in. The multiplexing headers of a
 * non-TTY log stream sit between whole writes, so searching the raw text finds the token intact.
 */
export async function jupyterToken(docker: Docker, containerId: string): Promise<string | null> {
  const logs = (await docker
    .getContainer(containerId)
    .logs({ stdout: true, stderr: true, tail: 400 })) as unknown as Buffer;
  return jupyterTokenFromLogs(logs.toString('utf8').split('\n'));
}
