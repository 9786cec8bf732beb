import { contextBridge, ipcRenderer } from 'electron';
import { buildBerthApi } from './build-api';

// The only thing the page can see: no ipcRenderer, no process, no Node.
contextBridge.exposeInMainWorld('berth', buildBerthApi(ipcRenderer));
