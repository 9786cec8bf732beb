import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { configHash } from '../../../src/main/services/compose/hash/config-hash';
import { load, writeProject } from './project-fixture';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('configHash', () => {
  it('hashes Go json.Marshal of the service without build, pull_policy, scale and deploy.replicas', async () => {
    const dir = writeProject({
      'compose.yaml': [
        'services:',
        '  s:',
        '    image: busybox',
        '    build: .',
        '    pull_policy: always',
        '    command: ["sh", "-c", "echo <&> $$X"]',
        '    deploy: {replicas: 2}',
        '    environment: {B: "2", A: "1"}',
      ].join('\n'),
    });
    const service = (await load(dir)).model.services.s!;
    // Go field order (command, deploy, entrypoint, environment, image, networks), sorted map keys, HTML escapes, `$` unescaped.
    const goJson =
      '{"command":["sh","-c","echo \\u003c\\u0026\\u003e $X"],"deploy":{"resources":{},"placement":{}},"entrypoint":null,' +
      '"environment":{"A":"1","B":"2"},"image":"busybox","networks":{"default":null}}';
    expect(configHash(service)).toBe(sha256(goJson));
  });

  it('changes when a field that matters changes, not when build settings do', async () => {
    const hashOf = async (extra: string) =>
      configHash(
        (await load(writeProject({ 'compose.yaml': `services:\n  s:\n    image: busybox\n${extra}` }))).model.services
          .s!,
      );
    const base = await hashOf('');
    expect(await hashOf('    build: {context: ., dockerfile: Other}\n')).toBe(base);
    expect(await hashOf('    environment: [A=1]\n')).not.toBe(base);
  });
});
