import { execSync } from 'node:child_process';
import { readCorpusRuns, CORPUS_DIR, SCRUBBED_PATH } from './tests/support/compose-corpus';
import { loadProject } from './src/main/services/compose/load';
import { configHash } from './src/main/services/compose/hash/config-hash';
import { join } from 'node:path';
import { parseComposeFlags } from './src/main/cli/compose-flags';
let same = 0, total = 0;
for (const run of readCorpusRuns()) {
  if (!run.ok || run.remove_dotenv) continue;
  const dir = join(CORPUS_DIR, run.entry);
  const { flags } = parseComposeFlags(run.args);
  const p = await loadProject({ ...flags, workingDir: dir, env: { PATH: SCRUBBED_PATH, HOME: '/root', PWD: dir, ...run.env } });
  const expected = execSync(`sed 's#@CORPUS@#${CORPUS_DIR}#g' ${join(dir, run.expected)} | python3 /work/shared/compose-experiments/hash_repro.py`).toString().trim().split('\n');
  for (const line of expected) { const [name, h] = line.split(' '); total++; if (configHash(p.model.services[name!]!) === h) same++; else console.log('MISMATCH', run.entry, run.run, name); }
}
console.log(same, '/', total);
