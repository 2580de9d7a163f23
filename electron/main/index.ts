import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, net, protocol, session } from 'electron';
import { defaultDataDir } from '../db/data-dir';
import { CONTENT_SECURITY_POLICY } from '../services/content-security-policy';
import { startCore } from '../services/core';
import { startupErrorPage } from '../services/startup-error-page';
import { APP_HOST, APP_SCHEME, APP_START_URL, isAllowedNavigation } from './app-origin';
import { registerIpcTransport } from './ipc-transport';
import { createSafeStorageWrapper } from './safe-storage-wrapper';
import { secureWebPreferences } from './web-preferences';

/**
 * The desktop composition root. It only wires: single instance -> open the core (db, migrations, services) ->
 * register the IPC transport -> serve the renderer from app://tokentill -> open one hardened window.
 * Everything with business meaning lives in plain Node modules tested without Electron.
 */
const appRoot = path.resolve(__dirname, '..', '..', '..');
const rendererDir = path.join(appRoot, 'dist', 'renderer');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const file = path.normalize(path.join(rendererDir, decodeURIComponent(url.pathname)));
    const safe = file.startsWith(rendererDir + path.sep) && fs.existsSync(file) ? file : path.join(rendererDir, 'index.html');
    return net.fetch(`file://${safe}`).then((response) => {
      const headers = new Headers(response.headers);
      headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      return new Response(response.body, { status: response.status, headers });
    });
  });

  const window = new BrowserWindow({
    width: 1366,
    height: 800,
    show: false,
    title: 'TokenTill',
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.js')),
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, target) => {
    if (!isAllowedNavigation(target)) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());

  const osSecretWrapper = createSafeStorageWrapper() ?? undefined;
  const started = await startCore({
    dataDir: defaultDataDir(process.platform, process.env, os.homedir()),
    appRoot,
    program: 'TokenTill desktop app',
    env: process.env,
    osSecretWrapper,
  });
  if (!started.ok) {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(startupErrorPage(started.problem))}`);
    return;
  }
  const stopTransport = registerIpcTransport(started.core.dispatch, started.core.events, () =>
    BrowserWindow.getAllWindows().map((w) => w.webContents),
  );
  app.on('window-all-closed', () => {
    stopTransport();
    started.core.close();
    app.quit();
  });
  await window.loadURL(APP_START_URL);
}

main().catch((error: unknown) => {
  process.stderr.write(`TokenTill failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  app.exit(1);
});
