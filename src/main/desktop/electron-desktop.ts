import path from 'node:path';
import { app, dialog, Notification, shell } from 'electron';
import type { Desktop } from '../handlers/desktop';

/** The Desktop port on Electron: native dialogs, the file manager and the default browser. */
export const electronDesktop: Desktop = {
  async pickFolder(purpose) {
    const choice = await dialog.showOpenDialog({
      title: purpose === 'open' ? 'Add a project folder' : 'Folder for the new project',
      buttonLabel: purpose === 'open' ? 'Add project' : 'Create here',
      properties: ['openDirectory', 'createDirectory'],
    });
    return choice.canceled ? null : (choice.filePaths[0] ?? null);
  },
  async chooseSavePath(suggestedName) {
    const choice = await dialog.showSaveDialog({ defaultPath: path.join(app.getPath('downloads'), suggestedName) });
    return choice.canceled || !choice.filePath ? null : choice.filePath;
  },
  showInFolder: (hostPath) => shell.showItemInFolder(hostPath),
  openExternal: (url) => shell.openExternal(url),
  notify(title, body) {
    if (Notification.isSupported()) new Notification({ title, body }).show();
  },
};
