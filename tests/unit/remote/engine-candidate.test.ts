import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { candidateEngine } from '../../../src/main/services/remote/engine-candidate';
import { AddEngineInputSchema, TestEngineInputSchema } from '../../../src/shared/schemas/engines';

const dir = mkdtempSync(join(tmpdir(), 'berth-engine-candidate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as { code: string; message: string; fix?: string };
  }
  throw new Error('expected a refusal');
};

describe('an engine typed into the Add engine dialog', () => {
  it('keeps ssh, tcp and unix addresses as given', () => {
    expect(candidateEngine('box', { address: 'ssh://ada@gpu-box:2222' }, 1)).toEqual({
      name: 'box',
      host: 'ssh://ada@gpu-box:2222',
      addedAt: 1,
    });
    expect(candidateEngine('sock', { address: 'unix:///var/run/docker.sock' }, 1).host).toBe(
      'unix:///var/run/docker.sock',
    );
  });

  it('refuses an address without a known scheme, saying how to write one', () => {
    const typo = refusal(() => candidateEngine('x', { address: 'htp://gpu-box' }));
    expect(typo).toMatchObject({ code: 'E_INVALID_INPUT' });
    expect(typo.message).toContain('"htp://" is not an engine address scheme');
    expect(typo.fix).toContain('ssh://user@gpu-box');
    expect(refusal(() => candidateEngine('x', { address: 'gpu-box' })).message).toContain('has no scheme');
    expect(refusal(() => candidateEngine('x', { address: 'ssh://' })).message).toContain('host name is missing');
  });

  it('takes a TLS folder for tcp only, absolute, with ca.pem when verifying', () => {
    expect(refusal(() => candidateEngine('x', { address: 'ssh://gpu-box', tlsDir: dir })).message).toContain(
      'tcp:// engines only',
    );
    expect(refusal(() => candidateEngine('x', { address: 'tcp://gpu-box:2376', tlsDir: 'certs' })).message).toContain(
      'not an absolute path',
    );
    expect(refusal(() => candidateEngine('x', { address: 'tcp://gpu-box:2376', tlsDir: dir })).message).toContain(
      'ca.pem does not exist',
    );
    writeFileSync(join(dir, 'ca.pem'), 'not checked here');
    expect(candidateEngine('x', { address: 'tcp://gpu-box:2376', tlsDir: dir }, 1).tls).toEqual({
      verify: true,
      ca: join(dir, 'ca.pem'),
      cert: undefined,
      key: undefined,
    });
  });

  it('is validated at the contract: names as the docker CLI allows, one kind of input per test', () => {
    expect(AddEngineInputSchema.safeParse({ name: 'gpu box', address: 'ssh://a@b' }).success).toBe(false);
    expect(AddEngineInputSchema.safeParse({ name: 'gpu-box', address: 'ssh://a@b', extra: 1 }).success).toBe(false);
    expect(AddEngineInputSchema.safeParse({ name: 'gpu-box', address: 'ssh://a@b c' }).success).toBe(false);
    expect(TestEngineInputSchema.safeParse({ name: 'Podman socket (rootless)' }).success).toBe(true);
    expect(TestEngineInputSchema.safeParse({ name: 'x', address: 'ssh://a@b' }).success).toBe(false);
  });
});
