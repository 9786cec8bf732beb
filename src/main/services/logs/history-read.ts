import type Docker from 'dockerode';
import type { LogLine, LogMarker } from '@shared/schemas/logs';
import type { ContainerLogReader, LogRequest } from './container-log-reader';
import type { FollowedContainer } from './followed-container';
import { HistoryMerge } from './history-merge';
import { MarkerInterleaver } from './past-run-markers';

export interface HistoryReadOptions {
  docker: Docker;
  containers: FollowedContainer[];
  /** Each container's past run markers, by source index. */
  markers: Map<number, LogMarker[]>;
  request: LogRequest;
  /** Lines and markers of every container, in time order. */
  emit: (item: LogLine | LogMarker) => void;
}

/**
 * The history of a target's containers: each container read once, its run markers placed among its lines, all of
 * them merged by time. A reader that gets ahead of the merge is paused until the others catch up.
 */
export class HistoryRead {
  private readonly readers = new Map<number, ContainerLogReader>();
  private paused = false;

  constructor(private readonly options: HistoryReadOptions) {}

  /** Settles when every container's history is out; a container removed since it was listed just ends early. */
  async read(): Promise<void> {
    const { containers, markers, request, emit } = this.options;
    const merge = new HistoryMerge<LogLine | LogMarker>(
      containers.map((entry) => entry.source.index),
      {
        emit,
        pauseSource: (source) => this.readers.get(source)?.pause(),
        resumeSource: (source) => {
          if (!this.paused) this.readers.get(source)?.resume();
        },
      },
    );
    try {
      await Promise.all(
        containers.map(async (entry) => {
          const index = entry.source.index;
          const placed = new MarkerInterleaver<LogLine>(
            markers.get(index) ?? [],
            (item) => merge.push(item),
            request.tail !== 'all',
          );
          const reader = entry.openReader(this.options.docker, request, (line) => placed.line(line));
          this.readers.set(index, reader);
          if (this.paused) reader.pause();
          try {
            await reader.read();
          } catch (error) {
            // Removed since it was listed: it has no more history to give, the others still do.
            if ((error as { statusCode?: number }).statusCode !== 404) throw error;
          } finally {
            this.readers.delete(index);
            placed.end();
            merge.end(index);
          }
        }),
      );
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  pause(): void {
    this.paused = true;
    for (const reader of this.readers.values()) reader.pause();
  }

  resume(): void {
    this.paused = false;
    for (const reader of this.readers.values()) reader.resume();
  }

  abort(): void {
    for (const reader of this.readers.values()) reader.abort();
  }
}
