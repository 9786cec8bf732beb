import os from 'node:os';
import path from 'node:path';
import { app, dialog, shell } from 'electron';
import { registerIpc } from './ipc/electron/register-ipc';
import { originOf } from './ipc/core/sender-guard';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './security/app-protocol';
import { isAllowedExternalUrl } from './security/external-urls';
import { denyPermissionsExceptClipboard, hardenAllWebContents } from './security/harden-web-contents';
import { createServices } from './services/create-services';
import { createMainWindow } from './window/create-main-window';

app.enableSandbox();
registerAppScheme();
hardenAllWebContents();

if (!app.requestSingleInstanceLock()) app.quit();

async function main(): Promise<void> {
  await app.whenReady();
  denyPermissionsExceptClipboard(APP_ORIGIN);
  serveRenderer(path.join(__dirname, '../renderer'));

  const services = createServices({
    env: process.env,
    homeDir: os.homedir(),
    userDataDir: app.getPath('userData'),
    templatesDir: app.isPackaged
      ? path.join(process.resourcesPath, 'templates')
      : path.join(app.getAppPath(), 'resources', 'templates'),
    volumeDesktop: {
      chooseSavePath: async (suggestedName) => {
        const choice = await dialog.showSaveDialog({ defaultPath: path.join(app.getPath('downloads'), suggestedName) });
        return choice.canceled || !choice.filePath ? null : choice.filePath;
      },
      showInFolder: (hostPath) => shell.showItemInFolder(hostPath),
    },
  });
  void services.start();
  const trustedWebContentsIds = new Set<number>();
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const trustedOrigins = new Set([APP_ORIGIN, ...(devServerUrl ? [originOf(devServerUrl)] : [])]);

  const unregister = registerIpc(
    {
      ...services.handlers,
      'app.openExternal': async ({ url }) => {
        if (!isAllowedExternalUrl(url)) return { opened: false };
        await shell.openExternal(url);
        return { opened: true };
      },
      'projects.pickFolder': async ({ purpose }) => {
        const choice = await dialog.showOpenDialog({
          title: purpose === 'open' ? 'Add a project folder' : 'Folder for the new project',
          buttonLabel: purpose === 'open' ? 'Add project' : 'Create here',
          properties: ['openDirectory', 'createDirectory'],
        });
        return { directory: choice.canceled ? null : (choice.filePaths[0] ?? null) };
      },
    },
    services.streams,
    { trustedWebContentsIds, trustedOrigins },
  );

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
    void services.dispose();
  });
}

main().catch((error: unknown) => {
  console.error('Berth failed to start:', error);
  app.exit(1);
});
