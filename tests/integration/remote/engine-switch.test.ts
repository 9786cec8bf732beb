import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent, EngineState } from '../../../src/shared/schemas/engine';
import { berthStateDir } from '../../../src/main/services/compose/berth-overrides/state-dir';
import { EngineConnection } from '../../../src/main/services/docker/engine-connection';
import { EnginesService } from '../../../src/main/services/remote/engines-service';
import { requireEngine, TEST_IMAGE } from '../../support/require-engine';
import { freePort, skipWithoutSshd } from '../../support/ssh/private-sshd';
import { startSshEngine, type SshEngine } from '../../support/ssh/ssh-engine';

const engine = await requireEngine();
const skip = !engine.available || skipWithoutSshd();

const fingerprintOf = (publicKeyPath: string) =>
  execFileSync('ssh-keygen', ['-lf', publicKeyPath], { encoding: 'utf8' }).split(' ')[1]!;

describe.skipIf(skip)('switching the app between the local engine and an ssh engine', () => {
  let ssh: SshEngine;
  let connection: EngineConnection;
  let engines: EnginesService;
  let stateDir: string;
  let knownHosts: string;
  let hostFingerprint: string;
  const states: EngineState[] = [];
  const events: EngineEvent[] = [];

  beforeAll(async () => {
    // A client home that has never seen the server: its host key is unknown.
    ssh = await startSshEngine({ knownHosts: 'empty' });
    // The app's environment selects the machine's own engine; the ssh one is only added.
    const { DOCKER_HOST: _host, ...env } = ssh.env;
    stateDir = berthStateDir(env, ssh.home);
    knownHosts = join(ssh.home, '.ssh', 'known_hosts');
    hostFingerprint = fingerprintOf(join(ssh.sshd.dir, 'host_ed25519.pub'));
    connection = new EngineConnection({ env, homeDir: ssh.home });
    connection.onStateChange((state) => states.push(state));
    connection.onEvent((event) => events.push(event));
    engines = new EnginesService({ env, homeDir: ssh.home, stateDir, connection, testTimeoutMs: 20_000 });
    await connection.start();
    expect(connection.getState()).toMatchObject({ status: 'connected', endpoint: { kind: 'unix', local: true } });
  }, 60_000);

  afterAll(async () => {
    await connection?.stop();
    await ssh?.dispose();
  });

  it('adds the ssh engine and lists it beside the local one, the local one current', async () => {
    const added = await engines.add({ name: 'gpu-box', address: ssh.sshd.url });
    expect(added).toMatchObject({ name: 'gpu-box', kind: 'ssh', local: false, removable: true, current: false });
    const listed = engines.list();
    expect(listed.engines.find((known) => known.current)).toMatchObject({ kind: 'unix', local: true });
    expect(listed.engines.map((known) => known.name)).toContain('gpu-box');
    await expect(engines.add({ name: 'gpu-box', address: ssh.sshd.url })).rejects.toThrow(/listed already/);
    await expect(engines.add({ name: 'bad', address: 'htp://gpu-box' })).rejects.toThrow(/not an engine address/);
  });

  it('refuses the unknown host key, with its fingerprint, and records nothing', async () => {
    const result = await engines.test({ name: 'gpu-box' });
    expect(result).toMatchObject({
      ok: false,
      failureKind: 'host-key-unknown',
      hostKey: { fingerprint: hostFingerprint, keyType: 'ssh-ed25519' },
    });
    // A switch is tried, but the connection refuses the key: still nothing in known_hosts, nothing remembered.
    const switched = await engines.switchTo('gpu-box');
    expect(switched.remembered).toBe(false);
    expect(switched.state.status).toBe('unreachable');
    expect(switched.state.reason).toContain(hostFingerprint);
    expect(existsSync(knownHosts) ? readFileSync(knownHosts, 'utf8') : '').toBe('');
    // Back to the local engine, which the retry timer of the refused one must not take over again.
    const back = await engines.switchTo('default');
    expect(back.state).toMatchObject({ status: 'connected', endpoint: { kind: 'unix' } });
  }, 60_000);

  it('records the key only for the exact fingerprint accepted', async () => {
    const other = fingerprintOf(`${ssh.sshd.strangerKeyPath}.pub`);
    await expect(engines.acceptHostKey({ address: ssh.sshd.url, fingerprint: other })).rejects.toThrow(
      `not the ${other} you accepted`,
    );
    expect(existsSync(knownHosts) ? readFileSync(knownHosts, 'utf8') : '').toBe('');
    const accepted = await engines.acceptHostKey({ address: ssh.sshd.url, fingerprint: hostFingerprint });
    expect(accepted.knownHostsFile).toBe(knownHosts);
    expect(accepted.result).toMatchObject({ ok: true, endpoint: { kind: 'ssh' } });
    expect(readFileSync(knownHosts, 'utf8')).toContain(ssh.sshd.hostPublicKey.split(' ')[1]);
  }, 60_000);

  it('switches the live connection to the ssh engine: state and events follow, and the choice is remembered', async () => {
    states.length = 0;
    const switched = await engines.switchTo('gpu-box');
    expect(switched.remembered).toBe(true);
    expect(switched.state).toMatchObject({ status: 'connected', endpoint: { kind: 'ssh', local: false } });
    expect(states.map((state) => `${state.status}:${state.endpoint?.kind}`)).toEqual([
      'connecting:ssh',
      'connected:ssh',
    ]);
    expect(engines.list().engines.find((known) => known.current)?.name).toBe('gpu-box');
    expect(JSON.parse(readFileSync(join(stateDir, 'engines.json'), 'utf8')).current).toBe('gpu-box');

    // The events stream now comes from the engine behind ssh.
    const name = `berth-engine-switch-${process.pid}`;
    const container = await connection.getDocker().createContainer({ name, Image: TEST_IMAGE, Cmd: ['true'] });
    try {
      await expect
        .poll(() => events.some((event) => event.action === 'create' && event.id === container.id), { timeout: 15_000 })
        .toBe(true);
    } finally {
      await container.remove({ force: true });
    }
  }, 60_000);

  it('refuses a changed host key, and will not record it over the old one', async () => {
    // Off the ssh engine first: its one shared ssh connection closes, so the next test opens a new one.
    expect((await engines.switchTo('default')).state.status).toBe('connected');
    const impostor = readFileSync(`${ssh.sshd.strangerKeyPath}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
    const recorded = `[127.0.0.1]:${ssh.sshd.port} ${impostor}\n`;
    writeFileSync(knownHosts, recorded);
    const result = await engines.test({ name: 'gpu-box' });
    expect(result).toMatchObject({ ok: false, failureKind: 'host-key-changed' });
    expect(result.ok || result.reason).toMatch(/REMOTE HOST IDENTIFICATION HAS CHANGED/);
    await expect(engines.acceptHostKey({ address: ssh.sshd.url, fingerprint: hostFingerprint })).rejects.toThrow(
      /did not record a host key.*HAS CHANGED/,
    );
    expect(readFileSync(knownHosts, 'utf8')).toBe(recorded);
  }, 60_000);

  it('switches back to the local engine, and an unreachable one neither sticks nor is remembered', async () => {
    await engines.add({ name: 'nowhere', address: `tcp://127.0.0.1:${await freePort()}` });
    const refused = await engines.switchTo('nowhere');
    expect(refused).toMatchObject({ remembered: false, state: { status: 'unreachable' } });
    expect(refused.state.fix).toBeTruthy();
    const back = await engines.switchTo('default');
    expect(back).toMatchObject({ remembered: true, state: { status: 'connected', endpoint: { kind: 'unix' } } });
    expect(JSON.parse(readFileSync(join(stateDir, 'engines.json'), 'utf8')).current).toBeUndefined();
    // The refused engine's retry timer is gone: the connection stays on the local engine.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(connection.getState()).toMatchObject({ status: 'connected', endpoint: { kind: 'unix' } });
    await expect(engines.remove('default')).rejects.toThrow(/was not added in Berth/);
    expect(await engines.remove('nowhere')).toEqual({ removed: 'nowhere' });
    expect(engines.list().engines.map((known) => known.name)).not.toContain('nowhere');
  }, 60_000);
});
