import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { BerthError } from '@shared/errors';
import { writeFileAtomic } from './atomic-write';

/**
 * One JSON file of Berth's own state, validated on read and written atomically. A file that no longer
 * parses is kept aside (never overwritten silently) and the state starts from `fallback`.
 */
export class JsonState<T> {
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
}
