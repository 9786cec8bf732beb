/**
 * Listing a 10,000-entry directory in a volume: Berth's volume browser (helper container + one exec, parsed and
 * sorted, in-process) against `docker run --rm -v VOL:/v berth-test-busybox ls -la /v/DIR` (the docker CLI).
 * Each round times Berth cold (a new browser: helper container created and started, then the listing) for the
 * first page and for all entries, then warm (helper already up), and the reference, alternating which goes first.
 * berthMs = median cold listing of all entries (what the first click on a volume costs); ratio = that / reference.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { VolumeBrowser } from '../src/main/services/volumes/volume-browser';
import { TEST_IMAGE } from '../tests/support/require-engine';
import { createScratchVolume } from '../tests/support/volumes/scratch-volume';
import { benchEngine, type BenchResult, median } from './bench-kit';

const exec = promisify(execFile);
const DOCKER = process.env.BERTH_DOCKER_CLI ?? '/usr/local/bin/docker';
const ROUNDS = 5;
const ENTRIES = 10_000;
const PAGE = 200;

async function timed<T>(action: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await action();
  return [performance.now() - start, value];
}

export async function run(): Promise<BenchResult> {
  const docker = await benchEngine();
  const volume = await createScratchVolume(docker, `berth-bench-vol-${randomUUID().slice(0, 4)}`);
  const times = {
    coldPage: [] as number[],
    coldAll: [] as number[],
    warmPage: [] as number[],
    warmAll: [] as number[],
    reference: [] as number[],
  };
  try {
    await volume.sh(
      `mkdir /v/dir && cd /v/dir && i=0; while [ $i -lt ${ENTRIES} ]; do : > "sample_$i.npy"; i=$((i+1)); done`,
    );
    const target = { kind: 'volume' as const, volume: volume.name };
    const reference = async () => {
      const [ms, { stdout }] = await timed(() =>
        exec(
          DOCKER,
          ['run', '--rm', '--network', 'none', '-v', `${volume.name}:/v`, TEST_IMAGE, 'ls', '-la', '/v/dir'],
          { maxBuffer: 64 * 1024 * 1024 },
        ),
      );
      if (stdout.split('\n').length < ENTRIES) throw new Error('the reference listing came back short');
      times.reference.push(ms);
    };
    const berth = async () => {
      for (const [key, limit] of [
        ['coldPage', PAGE],
        ['coldAll', 0],
      ] as const) {
        const browser = new VolumeBrowser({ docker: () => docker, helperImage: TEST_IMAGE });
        await browser.helperImage();
        const list = async () =>
          limit ? (await browser.listDirectory(target, 'dir', 0, limit)).entries : browser.listAll(target, 'dir');
        const [ms, entries] = await timed(list);
        if (entries.length !== (limit || ENTRIES)) throw new Error(`Berth listed ${entries.length} entries`);
        times[key].push(ms);
        const [warmMs] = await timed(list);
        times[key === 'coldPage' ? 'warmPage' : 'warmAll'].push(warmMs);
        await browser.dispose();
      }
    };
    await reference(); // warm-up: page cache, image layers
    times.reference.length = 0;
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        await berth();
        await reference();
      } else {
        await reference();
        await berth();
      }
    }
  } finally {
    await volume.remove();
  }
  const berthMs = median(times.coldAll);
  const referenceMs = median(times.reference);
  const fmt = (values: number[]) => `${median(values).toFixed(0)} ms`;
  return {
    name: `volumes: list a ${ENTRIES.toLocaleString('en')}-entry directory`,
    berthMs,
    referenceMs,
    ratio: berthMs / referenceMs,
    detail:
      `median of ${ROUNDS}: cold first page ${fmt(times.coldPage)}, cold all ${fmt(times.coldAll)}, ` +
      `warm first page ${fmt(times.warmPage)}, warm all ${fmt(times.warmAll)}; docker run --rm … ls -la ${fmt(times.reference)}`,
  };
}
