// Preloaded into a spawned `berth` (NODE_OPTIONS=--import …) by the hostile-input tests: writes the process's own
// resource usage (maxRSS in KiB, CPU times in µs) to $BERTH_TEST_RUSAGE_FILE when it exits, however it exits.
import { writeFileSync } from 'node:fs';

const target = process.env.BERTH_TEST_RUSAGE_FILE;
if (target) process.on('exit', () => writeFileSync(target, JSON.stringify(process.resourceUsage())));
