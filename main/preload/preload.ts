// The preload (bundled to dist/preload/preload.cjs). Sandboxed preloads may only require('electron'),
// hence the bundling. It exposes the bridge and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createFrontDeskApi } from './frontdeskApi';

contextBridge.exposeInMainWorld('frontdesk', createFrontDeskApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)));
