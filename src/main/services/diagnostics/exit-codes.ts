/**
 * What a container's exit code says. Shells and the engine follow the same conventions: 126/127 for a command that
 * can't run, 125 for the runtime failing, and 128 + N for a process ended by signal N.
 */

const SIGNALS: Record<number, { name: string; meaning: string }> = {
  1: { name: 'SIGHUP', meaning: 'hang-up' },
  2: { name: 'SIGINT', meaning: 'interrupted (Ctrl-C)' },
  3: { name: 'SIGQUIT', meaning: 'quit' },
  4: { name: 'SIGILL', meaning: 'illegal instruction (a binary built for another CPU?)' },
  6: { name: 'SIGABRT', meaning: 'aborted (a failed assertion or an uncaught C++ exception)' },
  7: { name: 'SIGBUS', meaning: 'bus error (often a full /dev/shm: raise shm_size)' },
  8: { name: 'SIGFPE', meaning: 'arithmetic error' },
  9: { name: 'SIGKILL', meaning: 'killed' },
  11: { name: 'SIGSEGV', meaning: 'segmentation fault' },
  13: { name: 'SIGPIPE', meaning: 'broken pipe' },
  14: { name: 'SIGALRM', meaning: 'alarm' },
  15: { name: 'SIGTERM', meaning: 'terminated (a stop request)' },
};

const PLAIN: Record<number, string> = {
  0: 'finished successfully',
  1: 'failed (a general error: see its last log lines)',
  2: 'failed (wrong usage of a command or shell builtin)',
  125: 'the container runtime failed to run it',
  126: 'its command could not be executed (permissions, or not an executable)',
  127: 'its command was not found',
  128: 'it did not start (see the engine error)',
  255: 'failed (exit status out of range)',
};

export interface ExitMeaning {
  /** Words for the code: `segmentation fault`, `its command was not found`. */
  meaning: string;
  /** The signal that ended it, for codes 129–159: `SIGKILL`. */
  signal: string | null;
}

export function exitMeaning(code: number): ExitMeaning {
  if (PLAIN[code] !== undefined) return { meaning: PLAIN[code], signal: null };
  if (code > 128 && code < 160) {
    const number = code - 128;
    const known = SIGNALS[number];
    return known
      ? { meaning: `${known.meaning} (${known.name})`, signal: known.name }
      : { meaning: `ended by signal ${number}`, signal: `signal ${number}` };
  }
  return { meaning: `failed with exit code ${code}`, signal: null };
}
