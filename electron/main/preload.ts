import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { TokenTillBridge } from '../../shared/ipc/bridge';
import type { EventName } from '../../shared/ipc/events';

/**
 * The preload's whole API: `window.tokentill = { invoke, on }`, typed from the contract. It never exposes
 * ipcRenderer or a generic send; the main side validates the sender and every payload anyway.
 * (Channel names are repeated here rather than imported: a sandboxed preload may only require 'electron'.)
 */
const IPC_INVOKE = 'tokentill:invoke';
const IPC_EVENT = 'tokentill:event';

const bridge = {
  invoke: (channel, input) => ipcRenderer.invoke(IPC_INVOKE, channel, input),
  on: (event, listener) => {
    const wrapped = (_event: IpcRendererEvent, name: EventName, payload: unknown) => {
      if (name === event) (listener as (value: unknown) => void)(payload);
    };
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, wrapped);
    };
  },
} satisfies TokenTillBridge;

contextBridge.exposeInMainWorld('tokentill', bridge);
