/**
 * The smaller families where Berth's `config` differed from Compose's (issue 20.2), each as generated cases with
 * the real `docker compose` as the oracle: env files that add nothing, Compose's warnings (unset variables,
 * `external.name`), COMPOSE_PROFILES with spaces, `build.ssh`, and the projects Compose rejects (a depends_on
 * cycle, `cpus` against a different `deploy.resources.limits.cpus`, an external volume with creation settings).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  berthConfig,
  composeCliAvailable,
  composeConfig,
  errorOf,
  jsonDifferences,
  projectDir,
  scrubbedEnv,
  warningsOf,
  type ConfigRun,
} from './compose-oracle';

const available = await composeCliAvailable();
const RUNS = 15;

/** Both tools on the same project: same exit code, same error, same warnings, same JSON. */
async function expectSameConfig(files: Record<string, string>, env = scrubbedEnv(), compareWarnings = true) {
  const dir = projectDir(files);
  const [compose, berth] = await Promise.all([composeConfig(dir, [], env), berthConfig(dir, [], env)]);
  expect(summary(berth)).toEqual(summary(compose));
  if (compareWarnings) expect(warningsOf(berth.stderr)).toEqual(warningsOf(compose.stderr));
  if (compose.code === 0) expect(jsonDifferences(JSON.parse(berth.stdout), JSON.parse(compose.stdout))).toEqual([]);
  return { compose, berth };
}

function summary(run: ConfigRun) {
  return { code: run.code, error: run.code === 0 ? '' : errorOf(run.stderr) };
}

const serviceName = fc.constantFrom('a', 'b', 'c', 'd', 'e');

describe.skipIf(!available)('the smaller families match docker compose', () => {
  it('env_file: a file that adds no variables leaves no environment behind', async () => {
    const line = fc.constantFrom('# comment', '', 'A=1', 'B="two words"', 'export C=3', '  ', 'D');
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 4 }), fc.boolean(), async (lines, withEnvironment) => {
        const service = ['  s:', '    image: busybox', '    env_file: [vars.env]'];
        if (withEnvironment) service.push('    environment: {OWN: "x"}');
        await expectSameConfig({
          'compose.yaml': ['services:', ...service, ''].join('\n'),
          'vars.env': `${lines.join('\n')}\n`,
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('warns about unset variables (and before a missing required one fails the load)', async () => {
    const value = fc.constantFrom('${UNSET_A}', '${UNSET_B:-x}', '${SET}', '$${LITERAL}', '${UNSET_C}x', 'plain');
    await fc.assert(
      fc.asyncProperty(fc.array(value, { minLength: 1, maxLength: 5 }), async (values) => {
        const environment = values.map((item, i) => `      V${i}: "${item}"`);
        await expectSameConfig(
          {
            'compose.yaml': ['services:', '  s:', '    image: busybox', '    environment:', ...environment, ''].join(
              '\n',
            ),
          },
          scrubbedEnv({ SET: 'yes' }),
        );
      }),
      { numRuns: RUNS },
    );
    // Compose walks maps in random order and stops at the error; with the unset variable in a list before the
    // required one, it always warns first. Berth warns at the same moment, in file order.
    const dir = projectDir({
      'compose.yaml': 'services:\n  s:\n    image: busybox\n    command: ["${UNSET_A}", "${REQ:?needed}"]\n',
    });
    const [compose, berth] = await Promise.all([composeConfig(dir), berthConfig(dir)]);
    expect(summary(berth)).toEqual(summary(compose));
    expect(warningsOf(berth.stderr)).toEqual(warningsOf(compose.stderr));
    expect(warningsOf(berth.stderr)).toEqual(['The "UNSET_A" variable is not set. Defaulting to a blank string.']);
  });

  it('warns that external.name is deprecated, in Compose’s words', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('networks', 'volumes'), fc.boolean(), async (section, named) => {
        const use = section === 'networks' ? '    networks: [r]' : '    volumes: [r:/data]';
        const resource = named ? '    external: {name: real}' : '    external: true';
        await expectSameConfig({
          'compose.yaml': ['services:', '  s:', '    image: busybox', use, `${section}:`, '  r:', resource, ''].join(
            '\n',
          ),
        });
      }),
      { numRuns: 4 },
    );
  });

  it('COMPOSE_PROFILES items are trimmed', async () => {
    const profile = fc.constantFrom('gpu', 'cpu', 'debug');
    const spaced = fc.tuple(fc.constantFrom('', ' ', '  '), profile, fc.constantFrom('', ' '));
    await fc.assert(
      fc.asyncProperty(fc.array(spaced, { minLength: 1, maxLength: 3 }), async (items) => {
        const value = items.map(([before, name, after]) => `${before}${name}${after}`).join(',');
        const services = ['gpu', 'cpu', 'debug'].flatMap((name) => [
          `  ${name}:`,
          '    image: busybox',
          `    profiles: [${name}]`,
        ]);
        await expectSameConfig(
          { 'compose.yaml': ['services:', '  base:', '    image: busybox', ...services, ''].join('\n') },
          scrubbedEnv({ COMPOSE_PROFILES: value }),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('build.ssh: [default] stays a list', async () => {
    for (const ssh of ['[default]', 'default', '["default"]']) {
      await expectSameConfig({
        'compose.yaml': `services:\n  s:\n    image: busybox\n    build:\n      context: .\n      ssh: ${ssh}\n`,
      });
    }
  });

  it('rejects a depends_on cycle, naming the cycle Compose names', async () => {
    const edges = fc.array(fc.tuple(serviceName, serviceName), { maxLength: 7 });
    await fc.assert(
      fc.asyncProperty(edges, fc.constantFrom('depends_on', 'links'), async (pairs, kind) => {
        const services = ['a', 'b', 'c', 'd', 'e'].flatMap((name) => {
          const targets = [...new Set(pairs.filter(([from]) => from === name).map(([, to]) => to))];
          const refs = targets.length ? [`    ${kind}: [${targets.join(', ')}]`] : [];
          return [`  ${name}:`, '    image: busybox', ...refs];
        });
        await expectSameConfig({ 'compose.yaml': ['services:', ...services, ''].join('\n') });
      }),
      { numRuns: RUNS },
    );
  });

  it('rejects cpus together with a different deploy.resources.limits.cpus', async () => {
    const cpus = fc.constantFrom('0.5', '1', '1.0', '"1.5"', '1.5', '2', '0.1', '0.10000001');
    await fc.assert(
      fc.asyncProperty(cpus, cpus, fc.boolean(), async (own, limit, both) => {
        const lines = ['services:', '  s:', '    image: busybox', `    cpus: ${own}`];
        if (both) lines.push(`    deploy: {resources: {limits: {cpus: ${limit}}}}`);
        await expectSameConfig({ 'compose.yaml': `${lines.join('\n')}\n` });
      }),
      { numRuns: RUNS },
    );
  });

  it('rejects an external volume that also says how to create it', async () => {
    // One creation setting at a time: with several, Compose names whichever its map iteration meets first.
    const creation = fc.constantFrom([], ['driver: local'], ['driver_opts: {type: tmpfs}'], ['labels: {a: b}']);
    const extra = fc
      .tuple(creation, fc.boolean())
      .map(([settings, named]) => [...settings, ...(named ? ['name: other'] : [])]);
    await fc.assert(
      fc.asyncProperty(extra, fc.boolean(), fc.boolean(), async (settings, external, used) => {
        const volume = [...(external ? ['external: true'] : []), ...settings].map((line) => `    ${line}`);
        const service = ['  s:', '    image: busybox', ...(used ? ['    volumes: [v:/v]'] : [])];
        await expectSameConfig({
          'compose.yaml': [
            'services:',
            ...service,
            'volumes:',
            '  v:',
            ...(volume.length ? volume : ['    {}']),
            '',
          ].join('\n'),
        });
      }),
      { numRuns: RUNS },
    );
  });
});
