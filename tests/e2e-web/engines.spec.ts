import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test as plainTest } from '@playwright/test';
import { startBridge, type Bridge } from '../support/bridge/bridge-server';
import { createBridgeServices, type BridgeServices } from '../support/bridge/bridge-services';
import { skipWithoutSshd } from '../support/ssh/private-sshd';
import { startSshEngine, type SshEngine } from '../support/ssh/ssh-engine';
import { RENDERER_DIR } from './fake-gpu-host';
import { expect, test } from './fixtures';
import { BerthPage } from './pages/berth-page';
import { EngineSwitcherObject } from './pages/engines-page';

test.describe('Engine switcher against the real engine', () => {
  test.beforeEach(async ({ engine }) => {
    test.skip(!engine.available, `no Docker engine: ${engine.reason}`);
  });

  test('refuses a bad address clearly, adds the local engine under another name, switches to it and back', async ({
    berth,
    page,
    backend,
  }) => {
    const switcher = new EngineSwitcherObject(page);
    await berth.waitForEngine('connected');
    await expect(switcher.currentName).toHaveText('default');
    await expect(switcher.trigger.getByTestId('engine-locality')).toHaveText('local');

    await switcher.openAddDialog();
    await switcher.fill('htp://gpu-box', 'broken');
    await switcher.dialog.getByTestId('add-engine-submit').click();
    const refusal = switcher.dialog.getByTestId('add-engine-error');
    await expect(refusal.getByTestId('error-message')).toContainText('"htp://" is not an engine address scheme');
    await expect(refusal.getByTestId('error-fix')).toContainText('ssh://user@gpu-box');

    await switcher.fill('unix:///var/run/docker.sock', 'local-copy');
    await switcher.dialog.getByTestId('add-engine-test').click();
    await expect(switcher.dialog.getByTestId('engine-test-result')).toHaveAttribute('data-ok', 'true');
    await switcher.dialog.getByTestId('add-engine-submit').click();
    await expect(switcher.dialog).toBeHidden();

    // The switch reaches main's connection: the status bar goes through it and ends connected to the new name.
    await switcher.switchTo('local-copy');
    await berth.waitForEngine('connected');
    expect(backend.berth.services.connection.getState().endpoint?.context).toBe('local-copy');
    await switcher.openMenu();
    await expect(switcher.option('local-copy')).toHaveAttribute('data-current', 'true');
    await expect(switcher.option('local-copy').getByTestId('engine-locality')).toHaveText('local');
    await page.keyboard.press('Escape');
    await expect(switcher.menu).toBeHidden();

    // From the keyboard: the palette's "Switch engine…" opens the same menu, its list loaded.
    await page.keyboard.press('Control+K');
    await page.getByTestId('palette-input').fill('switch engine');
    await page.keyboard.press('Enter');
    await expect(switcher.menu).toBeVisible();
    await expect(switcher.option('default')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(switcher.menu).toBeHidden();

    await switcher.switchTo('default');
    await berth.waitForEngine('connected');
    expect(backend.berth.services.connection.getState().endpoint?.context).toBeUndefined();

    // Removing asks first; the engine then leaves the list.
    await switcher.openMenu();
    await page.getByTestId('engine-remove-menu').click();
    await page.getByTestId('engine-remove-local-copy').click();
    await page.getByTestId('engine-remove-ok').click();
    await switcher.openMenu();
    await expect(switcher.option('local-copy')).toHaveCount(0);
  });
});

/**
 * Berth's own backend with a throwaway ssh-agent holding the key a private sshd accepts; its home has never seen the
 * server, so the host key is unknown until the user trusts it in the dialog.
 */
plainTest.describe('Adding an ssh engine in the dialog', () => {
  plainTest.skip(skipWithoutSshd(), 'needs a private sshd: root and /usr/sbin/sshd');

  let ssh: SshEngine;
  let backend: BridgeServices;
  let bridge: Bridge;

  plainTest.beforeAll(async () => {
    ssh = await startSshEngine({ knownHosts: 'empty' });
    backend = await createBridgeServices({ ...process.env, SSH_AUTH_SOCK: ssh.agent.socketPath });
    bridge = await startBridge({ rendererDir: RENDERER_DIR, operations: backend.operations, streams: backend.streams });
  });

  plainTest.afterAll(async () => {
    await bridge?.close();
    await backend?.dispose();
    await ssh?.dispose();
  });

  plainTest('shows the unknown host key, trusts it only once confirmed, switches to it and back', async ({ page }) => {
    const berth = new BerthPage(page);
    const switcher = new EngineSwitcherObject(page);
    await berth.open(bridge.pageUrl);
    await berth.waitForEngine('connected');
    const fingerprint = execFileSync('ssh-keygen', ['-lf', join(ssh.sshd.dir, 'host_ed25519.pub')], {
      encoding: 'utf8',
    }).split(' ')[1]!;

    await switcher.openAddDialog();
    await switcher.fill(ssh.sshd.url, 'gpu-box');
    await switcher.dialog.getByTestId('add-engine-test').click();
    const hostKey = switcher.dialog.getByTestId('engine-host-key');
    await expect(hostKey.getByTestId('engine-fingerprint')).toHaveText(fingerprint);
    // Trusting needs the explicit "I compared it" first.
    const trust = hostKey.getByTestId('engine-accept-host-key');
    await expect(trust).toBeDisabled();
    await hostKey.getByTestId('engine-fingerprint-compared').check();
    await trust.click();
    await expect(switcher.dialog.getByTestId('engine-test-result')).toHaveAttribute('data-ok', 'true');
    await switcher.dialog.getByTestId('add-engine-submit').click();
    await expect(switcher.dialog).toBeHidden();

    await switcher.switchTo('gpu-box');
    await berth.waitForEngine('connected');
    await expect(switcher.trigger.getByTestId('engine-locality')).toHaveText('remote');
    expect(backend.berth.services.connection.getState().endpoint).toMatchObject({ kind: 'ssh', context: 'gpu-box' });

    await switcher.switchTo('default');
    await berth.waitForEngine('connected');
    await expect(switcher.trigger.getByTestId('engine-locality')).toHaveText('local');
  });
});
