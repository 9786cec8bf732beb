/**
 * A lock held by one process across processes on one machine: a file created exclusively, naming its holder. A
 * holder that died (crash, kill -9) is detected by its pid and start time, so its lock is taken over, not waited on.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

export interface LockHolder {
  pid: number;
  /** The holder's start time as the kernel counts it (Linux); tells a live holder from a reused pid. */
  startTime: string | null;
  host: string;
  /** What the holder is doing, for the "busy" message. */
  operation: string;
  since: number;
}

export type LockAttempt = { acquired: true; release(): Promise<void> } | { acquired: false; holder: LockHolder };

export async function tryLockFile(file: string, operation: string): Promise<LockAttempt> {
  await mkdir(path.dirname(file), { recursive: true });
  const me: LockHolder = {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    host: hostname(),
    operation,
    since: Date.now(),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await createWith(file, JSON.stringify(me))) return { acquired: true, release: () => rm(file, { force: true }) };
    const holder = await readHolder(file);
    if (holder === 'missing') continue; // released between the two calls: try again
    // Lock files are created whole (see createWith), so one that doesn't parse is debris: remove it.
    if (holder === 'garbage') await rm(file, { force: true });
    else if (isAlive(holder)) return { acquired: false, holder };
    else await removeIfStill(file, holder);
  }
  const holder = await readHolder(file);
  return {
    acquired: false,
    holder: typeof holder === 'object' ? holder : { ...me, pid: 0, operation: 'an operation' },
  };
}

/** Creates `file` with `content` atomically (a reader never sees it half-written); false when it exists. */
async function createWith(file: string, content: string): Promise<boolean> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, content, { mode: 0o600 });
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * Removes a stale lock, unless another process replaced it meanwhile: the file is moved aside first and checked,
 * and put back when it turns out to be someone else's fresh lock.
 */
async function removeIfStill(file: string, stale: LockHolder): Promise<void> {
  const aside = `${file}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await rename(file, aside);
  } catch {
    return;
  }
  const moved = await readHolder(aside);
  const replaced = typeof moved === 'object' && (moved.pid !== stale.pid || moved.since !== stale.since);
  if (replaced) await link(aside, file).catch(() => {});
  await rm(aside, { force: true });
}

async function readHolder(file: string): Promise<LockHolder | 'missing' | 'garbage'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return 'missing';
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return 'garbage';
    return {
      pid: parsed.pid,
      startTime: typeof parsed.startTime === 'string' ? parsed.startTime : null,
      host: parsed.host,
      operation: typeof parsed.operation === 'string' ? parsed.operation : 'an operation',
      since: typeof parsed.since === 'number' ? parsed.since : 0,
    };
  } catch {
    return 'garbage';
  }
}

function isAlive(holder: LockHolder): boolean {
  // A lock from another machine (a shared home directory) can't be checked: respect it.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const startTime = processStartTime(holder.pid);
  return holder.startTime === null || startTime === null || startTime === holder.startTime;
}

/** Field 22 of /proc/<pid>/stat (after the parenthesised command name, which may hold spaces). */
function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}
