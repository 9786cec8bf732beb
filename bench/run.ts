/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (a bench may report several cases). Each compares Berth with the reference tool
 * (the docker or Compose CLI) in the same run and reports the ratio Berth/reference (lower is better).
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from './bench-kit';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = (await readdir(__dirname))
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
    .sort();
  const results: BenchResult[] = [];
  let failures = 0;
  for (const file of files) {
    process.stdout.write(`▶ ${file}\n`);
    try {
      const module = (await import(pathToFileURL(path.join(__dirname, file)).href)) as {
        run(): Promise<BenchResult | BenchResult[]>;
      };
      for (const result of [await module.run()].flat()) {
        results.push(result);
        process.stdout.write(
          `  ${result.name}: Berth ${result.berthMs.toFixed(1)} ms, reference ${result.referenceMs.toFixed(1)} ms, ` +
            `ratio ${result.ratio.toFixed(2)}\n  ${result.detail}\n`,
        );
      }
    } catch (error) {
      failures++;
      process.stdout.write(`  failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  const outDir = path.resolve(__dirname, '../.cache');
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'bench-results.json'), JSON.stringify(results, null, 2));
  process.stdout.write(
    `\n${results.length} benchmarks ran, ${failures} failed; results in .cache/bench-results.json\n`,
  );
  process.exitCode = failures > 0 ? 1 : 0;
}

void main();
