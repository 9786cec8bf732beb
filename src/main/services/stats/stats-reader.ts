/**
 * Two ways to get readings from the engine, behind one interface, so the sampler (and the benchmark that chose
 * between them) can use either:
 * - `oneShotReader`: `GET /containers/{id}/stats?stream=false&one-shot=true` per container and round. The engine
 *   reads the cgroup once and answers at once (API ≥ 1.41; older engines ignore `one-shot` and take two readings,
 *   about 1–2 s, which the concurrency hides). Nothing runs between rounds.
 * - `streamingReader`: one `stream=true` response per container, kept open; the engine pushes a reading every
 *   second whether or not anyone looks (what `docker stats` does, and what moby#39664 is about).
 */
import type Docker from 'dockerode';
import { mapLimited } from '../containers/map-limited';
import { JsonLineParser } from '../docker/json-lines';
import type { RawStats } from './raw-stats';

export interface StatsReader {
  /** The latest reading of each container that answered; containers that are gone or failed are left out. */
  read(ids: readonly string[]): Promise<Map<string, RawStats>>;
  close(): void;
}

interface DockerModem {
  dial(options: object, callback: (error: unknown, result: unknown) => void): void;
}

const MAX_PARALLEL_REQUESTS = 8;

function dialStats(docker: Docker, id: string, stream: boolean, signal?: AbortSignal): Promise<unknown> {
  const modem = docker.modem as DockerModem;
  return new Promise((resolve, reject) => {
    modem.dial(
      {
        path: `/containers/${encodeURIComponent(id)}/stats?`,
        method: 'GET',
        isStream: stream,
        abortSignal: signal,
        statusCodes: { 200: true, 404: 'no such container', 500: 'server error' },
        options: stream ? { stream: true } : { stream: false, 'one-shot': true },
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

export function oneShotReader(getDocker: () => Docker): StatsReader {
  const controller = new AbortController();
  return {
    async read(ids) {
      const docker = getDocker();
      const readings = await mapLimited(ids, MAX_PARALLEL_REQUESTS, (id) =>
        dialStats(docker, id, false, controller.signal).then(
          (raw) => raw as RawStats,
          () => null,
        ),
      );
      const result = new Map<string, RawStats>();
      ids.forEach((id, index) => {
        const raw = readings[index];
        if (raw) result.set(id, raw);
      });
      return result;
    },
    close: () => controller.abort(),
  };
}

type StatsResponse = NodeJS.ReadableStream & { destroy(): void };

/** Keeps a stats stream open per container asked for; closes the streams of containers no longer asked for. */
export function streamingReader(getDocker: () => Docker): StatsReader {
  const open = new Map<string, { controller: AbortController; latest: RawStats | null }>();
  const follow = (id: string) => {
    const entry = { controller: new AbortController(), latest: null as RawStats | null };
    open.set(id, entry);
    const forget = () => {
      if (open.get(id) === entry) open.delete(id);
    };
    dialStats(getDocker(), id, true, entry.controller.signal).then((result) => {
      const response = result as StatsResponse;
      const parser = new JsonLineParser((value) => (entry.latest = value as RawStats));
      response.on('data', (chunk: Buffer) => parser.push(chunk));
      response.on('end', forget);
      response.on('error', forget);
      entry.controller.signal.addEventListener('abort', () => response.destroy(), { once: true });
    }, forget);
  };
  return {
    async read(ids) {
      const wanted = new Set(ids);
      for (const [id, entry] of open) {
        if (!wanted.has(id)) {
          entry.controller.abort();
          open.delete(id);
        }
      }
      for (const id of ids) if (!open.has(id)) follow(id);
      const result = new Map<string, RawStats>();
      for (const id of ids) {
        const latest = open.get(id)?.latest;
        if (latest) result.set(id, latest);
      }
      return result;
    },
    close() {
      for (const entry of open.values()) entry.controller.abort();
      open.clear();
    },
  };
}
