import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { BerthError } from '@shared/errors';
import { writeFileAtomic } from './atomic-write';

/**
 * One JSON file of Berth's own state, validated on read and written atomically. A file that no longer
 * parses is kept aside (never overwritten silently) and the state starts from `fallback`.
 */
export class JsonState<T> {
  /** Read-modify-write cycles run one after another, so two quick changes can't lose one. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly fallback: () => T,
  ) {}

  async read(): Promise<T> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.fallback();
      throw new BerthError('E_INTERNAL', `Could not read ${this.file}: ${(error as Error).message}`, { cause: error });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const result = this.schema.safeParse(parsed);
    if (result.success) return result.data;
    await writeFileAtomic(`${this.file}.corrupt-${Date.now()}`, text);
    return this.fallback();
  }

  write(value: T): Promise<void> {
    return writeFileAtomic(this.file, `${JSON.stringify(this.schema.parse(value), null, 2)}\n`);
  }

  /** Reads, lets `change` modify the state in place, writes it back, and returns what `change` returned. */
  update<R>(change: (state: T) => R): Promise<R> {
    const next = this.queue.then(async () => {
      const state = await this.read();
      const result = change(state);
      await this.write(state);
      return result;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
