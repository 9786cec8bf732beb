/**
 * Every recorded Compose project of ../shared/compose-corpus that loads exports to Kubernetes without errors, and
 * every manifest validates against the Kubernetes schemas (kubernetes-models).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseComposeFlags } from '../../../src/main/cli/compose-flags';
import { loadProject } from '../../../src/main/services/compose/load';
import { exportToKubernetes } from '../../../src/main/services/kubernetes/export-project';
import { validateManifests } from '../../../src/main/services/kubernetes/validate-manifests';
import { CORPUS_DIR, corpusAvailable, SCRUBBED_PATH, type CorpusRun } from '../../support/compose-corpus';

const runs: CorpusRun[] = corpusAvailable() ? JSON.parse(readFileSync(join(CORPUS_DIR, 'runs.json'), 'utf8')) : [];
const loadable = runs.filter((run) => run.ok && !run.remove_dotenv);

describe.skipIf(!corpusAvailable())('export kubernetes: the compose corpus', () => {
  it('has runs to export', () => expect(loadable.length).toBeGreaterThan(30));

  it.each(loadable.map((run) => [`${run.entry} (${run.run})`, run] as const))(
    '%s exports and validates',
    async (_name, run) => {
      const { flags } = parseComposeFlags(run.args);
      const directory = join(CORPUS_DIR, run.entry);
      const project = await loadProject({
        ...flags,
        workingDir: directory,
        env: { PATH: SCRUBBED_PATH, HOME: '/nonexistent', PWD: directory, ...run.env },
      });
      const exported = exportToKubernetes(project);
      expect(exported.manifests.length).toBeGreaterThanOrEqual(Object.keys(project.model.services).length);
      await validateManifests(exported.manifests);
      const workloads = exported.manifests.filter(
        (object) => object.kind === 'Deployment' || object.kind === 'StatefulSet',
      );
      expect(workloads).toHaveLength(Object.keys(project.model.services).length);
      for (const finding of exported.findings) expect(finding.message.length).toBeGreaterThan(0);
    },
  );
});
