/**
 * Replays every run recorded in ../shared/compose-corpus/runs.json through `berth config` and compares with
 * the real Compose v2 CLI's output: canonical JSON (key order ignored, array order kept); error runs must fail.
 */
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  corpusAvailable,
  expectedErrorMessage,
  expectedOutput,
  readCorpusRuns,
  replayRun,
  CORPUS_DIR,
} from '../support/compose-corpus';

const available = corpusAvailable();
if (!available) console.warn(`[conformance] skipped: no Compose corpus at ${CORPUS_DIR}`);

const WARNING_PREFIX = 'WARN ';

describe.skipIf(!available)('berth config matches docker compose config on the recorded corpus', () => {
  const runs = available ? readCorpusRuns() : [];

  it('covers all recorded runs', () => {
    expect(runs).toHaveLength(47);
  });

  for (const run of runs.filter((candidate) => candidate.ok)) {
    it(`${run.entry} / ${run.run}`, async () => {
      const outcome = await replayRun(run);
      expect(outcome.stderr.split('\n').filter((line) => line && !line.startsWith(WARNING_PREFIX))).toEqual([]);
      expect(outcome.exitCode).toBe(0);
      const expected = JSON.parse(expectedOutput(run, outcome.corpusRoot)) as unknown;
      expect(canonicalJson(JSON.parse(outcome.stdout))).toBe(canonicalJson(expected));
    });
  }

  for (const run of runs.filter((candidate) => !candidate.ok)) {
    it(`${run.entry} / ${run.run} fails like Compose`, async () => {
      const outcome = await replayRun(run);
      const expected = expectedErrorMessage(expectedOutput(run, outcome.corpusRoot));
      // Compose 2.26: 14 when a file is missing, 15 for files that don't parse or make an invalid project.
      expect(outcome.exitCode).toBe(expected.includes('no such file or directory') ? 14 : 15);
      expect(outcome.stdout).toBe('');
      const message = outcome.stderr
        .split('\n')
        .filter((line) => line && !line.startsWith(WARNING_PREFIX))
        // What Berth prints after Compose's message: the file's line with a caret, then the fix.
        .filter((line) => !line.startsWith('Fix: ') && !/^\d+ \| /.test(line) && !/^ *\| *\^$/.test(line))
        .join('\n');
      // Compose names whichever offending service its map iteration meets first: compare the wording, not the name.
      expect(withoutQuotedNames(message)).toBe(withoutQuotedNames(expected));
    });
  }
});

function withoutQuotedNames(message: string): string {
  return message
    .replace(/services\.[\w.-]+ Additional property \S+/, 'services.<name> Additional property <key>')
    .replace(/"[^"]*"/g, '"<name>"');
}
