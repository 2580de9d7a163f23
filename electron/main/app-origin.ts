/**
 * The desktop app serves its screens from a custom, privileged scheme rather than file:// (which any local file
 * shares): app://tokentill/. Only that origin may call the main side, and only from its top frame.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tokentill';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export interface SenderFrameInfo {
  /** The URL of the frame that sent the IPC message (event.senderFrame.url). */
  url: string;
  /** Whether that frame is the window's top frame (senderFrame === webContents.mainFrame). */
  isMainFrame: boolean;
}

/**
 * Electron advisory GHSA-mq8j-3h7h-p8g7: validate every IPC sender. The URL is parsed (never compared with
 * startsWith), so "app://tokentill.evil/", "app://tokentil1/" and "file:///.../index.html" are refused, and so is
 * any subframe even when it shows our own origin.
 */
export function isTrustedSender(sender: SenderFrameInfo | null): boolean {
  if (!sender || !sender.isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/** Navigation inside the window is allowed only within the app's own origin. */
export function isAllowedNavigation(target: string): boolean {
  try {
    const url = new URL(target);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}
