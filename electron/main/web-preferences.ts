import type { WebPreferences } from 'electron';

/**
 * The only webPreferences a TokenTill window gets (reliability.md R11; Electron's security checklist): the page
 * is isolated from the preload, sandboxed, has no Node, keeps web security, and cannot open webviews.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: process.env.TOKENTILL_DEVTOOLS === '1',
  };
}
