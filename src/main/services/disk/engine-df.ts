/**
 * `GET /system/df`, one at a time: the engine refuses a second disk-usage call while one runs ("a disk usage
 * operation is already running", HTTP 500 on 20.10, 409 later). Calls made here while one is in flight share its
 * answer; a refusal caused by someone else's call (the CLI, another app) is retried with a short back-off.
 */
import type Docker from 'dockerode';
import { BerthError } from '@shared/errors';

/** The parts of the df answer Berth reads. Sizes are -1 where the engine didn't compute them. */
export interface RawDf {
  LayersSize?: number;
  Images?: Array<{
    Id: string;
    ParentId?: string;
    RepoTags?: string[] | null;
    Created?: number;
    Size?: number;
    SharedSize?: number;
    Containers?: number;
    Labels?: Record<string, string> | null;
  }> | null;
  Containers?: Array<{
    Id: string;
    Names?: string[];
    Image?: string;
    ImageID?: string;
    State?: string;
    SizeRw?: number;
    SizeRootFs?: number;
    Labels?: Record<string, string> | null;
  }> | null;
  Volumes?: Array<{
    Name: string;
    Labels?: Record<string, string> | null;
    UsageData?: { Size?: number; RefCount?: number } | null;
  }> | null;
  BuildCache?: Array<{
    ID: string;
    Type?: string;
    Description?: string;
    InUse?: boolean;
    Shared?: boolean;
    Size?: number;
    LastUsedAt?: string | null;
    UsageCount?: number;
  }> | null;
}

const RETRY_DELAYS_MS = [100, 250, 500, 1000, 2000, 4000];
const inFlight = new WeakMap<Docker, Promise<RawDf>>();

export function readDf(docker: Docker): Promise<RawDf> {
  const running = inFlight.get(docker);
  if (running) return running;
  const call = dfWithRetries(docker).finally(() => inFlight.delete(docker));
  inFlight.set(docker, call);
  return call;
}

function isBusy(error: unknown): boolean {
  const text = `${(error as { json?: { message?: string } })?.json?.message ?? ''} ${(error as Error)?.message ?? ''}`;
  return /disk usage operation is already running/i.test(text);
}

async function dfWithRetries(docker: Docker): Promise<RawDf> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await docker.df()) as RawDf;
    } catch (error) {
      if (!isBusy(error)) throw error;
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) {
        throw new BerthError('E_ENGINE_ERROR', 'The engine is still busy measuring disk use for another request.', {
          fix: 'Try again in a moment (a `docker system df` or another disk view may be running).',
          cause: error,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
