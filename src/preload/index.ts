import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildBerthApi } from './build-api';

// The only thing the page can see: no ipcRenderer, no process, no Node.
contextBridge.exposeInMainWorld('berth', {
  ...buildBerthApi(ipcRenderer),
  // A dropped folder's path: only the preload can read it (Electron removed File.path).
  pathForFile: (file: File) => webUtils.getPathForFile(file),
});
