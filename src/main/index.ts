import os from 'node:os';
import path from 'node:path';
import { app } from 'electron';
import { createBerth } from './composition-root';
import { electronDesktop } from './desktop/electron-desktop';
import { registerIpc } from './ipc/electron/register-ipc';
import { originOf } from './ipc/core/sender-guard';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './security/app-protocol';
import { denyPermissionsExceptClipboard, hardenAllWebContents } from './security/harden-web-contents';
import { createMainWindow } from './window/create-main-window';

app.enableSandbox();
registerAppScheme();
hardenAllWebContents();

if (!app.requestSingleInstanceLock()) app.quit();

async function main(): Promise<void> {
  await app.whenReady();
  denyPermissionsExceptClipboard(APP_ORIGIN);
  serveRenderer(path.join(__dirname, '../renderer'));

  const berth = createBerth({
    env: process.env,
    homeDir: os.homedir(),
    legacyUserDataDir: app.getPath('userData'),
    templatesDir: app.isPackaged
      ? path.join(process.resourcesPath, 'templates')
      : path.join(app.getAppPath(), 'resources', 'templates'),
    desktop: electronDesktop,
  });
  void berth.start();
  const trustedWebContentsIds = new Set<number>();
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const trustedOrigins = new Set([APP_ORIGIN, ...(devServerUrl ? [originOf(devServerUrl)] : [])]);
  const unregister = registerIpc(berth.operations, berth.streams, { trustedWebContentsIds, trustedOrigins });

  const window = createMainWindow(path.join(__dirname, '../preload'));
  const webContentsId = window.webContents.id;
  trustedWebContentsIds.add(webContentsId);
  window.on('closed', () => trustedWebContentsIds.delete(webContentsId));
  await window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    unregister();
    void berth.dispose();
  });
}

main().catch((error: unknown) => {
  console.error('Berth failed to start:', error);
  app.exit(1);
});
