import type { TokenTillBridge } from '../../shared/ipc/bridge';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    tokentill?: TokenTillBridge;
  }
}

let bridge: TokenTillBridge | null = null;

/** Electron's preload puts `window.tokentill` in place; in browser mode the HTTP bridge stands in for it. */
export function getBridge(): TokenTillBridge {
  bridge ??= window.tokentill ?? createHttpBridge();
  return bridge;
}

/** Tests replace the bridge with a fake. */
export function setBridge(replacement: TokenTillBridge | null): void {
  bridge = replacement;
}
