import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Dispatch } from '../services/dispatcher';
import type { EventBus } from '../services/event-bus';
import { isTrustedSender } from './app-origin';
import { IPC_EVENT, IPC_INVOKE } from './ipc-channels';

/**
 * The Electron transport, the only module that registers ipcMain handlers (lint enforces it). It checks the
 * sender frame, then hands the call to the same dispatcher the browser-mode host uses. The session token stays in
 * main, keyed by the window's webContents: the renderer never holds it.
 */
export function registerIpcTransport(dispatch: Dispatch, events: EventBus, windows: () => WebContents[]): () => void {
  const sessions = new Map<number, string | null>();
  ipcMain.handle(IPC_INVOKE, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const sender = frame ? { url: frame.url, isMainFrame: frame === event.sender.mainFrame } : null;
    if (!isTrustedSender(sender)) {
      return { ok: false, error: { code: 'ORIGIN_REFUSED', message: 'This window is not allowed to call TokenTill.' } };
    }
    const id = event.sender.id;
    return dispatch(typeof channel === 'string' ? channel : '', input, {
      transport: 'ipc',
      sessionToken: sessions.get(id) ?? null,
      setSessionToken: (token) => sessions.set(id, token),
    });
  });
  const unsubscribe = events.subscribe((name, payload) => {
    for (const contents of windows()) if (!contents.isDestroyed()) contents.send(IPC_EVENT, name, payload);
  });
  return () => {
    ipcMain.removeHandler(IPC_INVOKE);
    unsubscribe();
  };
}
