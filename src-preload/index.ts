// The sandboxed preload: bundled as CommonJS (a sandboxed preload can require only 'electron').
import { contextBridge, ipcRenderer } from 'electron';
import { exposeLevqorApi } from './expose';

exposeLevqorApi(contextBridge, ipcRenderer);
