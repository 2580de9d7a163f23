import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Dispatch } from '../services/dispatcher';
import type { EventBus } from '../services/event-bus';
import type { Logger } from '../services/logger';
import { CONTENT_SECURITY_POLICY } from '../services/content-security-policy';
import { startupErrorPage } from '../services/startup-error-page';
import { buildOpenApiDocument } from './openapi';
import { originRefusal } from './origin-check';

/**
 * The browser-mode transport: the same dispatcher as Electron's IPC, served over HTTP on 127.0.0.1 only.
 * POST /rpc/<channel> carries a call; GET /events is a server-sent event stream; GET /api/openapi.json describes
 * the API. The session token lives in an HttpOnly, SameSite=Strict cookie the page's scripts cannot read.
 * When start-up failed, every page is the start-up error screen and every call answers STARTUP_FAILED.
 */
export const SESSION_COOKIE = 'tt_session';
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export type HostMode =
  | { kind: 'running'; dispatch: Dispatch; events: EventBus }
  | { kind: 'startup-failed'; problem: { code: string; message: string } };

export interface HttpHostOptions {
  mode: HostMode;
  staticDir: string;
  port: number;
  version: string;
  logger: Logger;
}

export interface HttpHost {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function securityHeaders(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function sessionCookie(token: string | null): string {
  if (token === null) return `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse): void {
  const indexFile = path.join(staticDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('The TokenTill screens are not built yet. Run `npm run build:renderer` (npm run serve does it for you).');
    return;
  }
  const decoded = decodeURIComponent(urlPath);
  const candidate = path.normalize(path.join(staticDir, decoded));
  const inside = candidate.startsWith(staticDir + path.sep);
  const file = inside && fs.existsSync(candidate) && fs.statSync(candidate).isFile() ? candidate : indexFile;
  const type = MIME[path.extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': file === indexFile ? 'no-store' : 'public, max-age=3600' });
  fs.createReadStream(file).pipe(res);
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const staticDir = path.resolve(options.staticDir);
  const streams = new Set<http.ServerResponse>();
  let port = options.port;
  const openapi = () => buildOpenApiDocument(options.version);

  const server = http.createServer((req, res) => {
    securityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refusal = originRefusal({ origin: req.headers.origin, host: req.headers.host, 'sec-fetch-site': req.headers['sec-fetch-site'] as string | undefined }, port);
    if (refusal !== null) {
      sendJson(res, 403, { ok: false, error: { code: 'ORIGIN_REFUSED', message: refusal } });
      return;
    }
    const mode = options.mode;

    if (url.pathname === '/api/openapi.json' && req.method === 'GET') {
      sendJson(res, 200, openapi());
      return;
    }
    if (url.pathname === '/health' && req.method === 'GET') {
      sendJson(res, 200, { ok: mode.kind === 'running', mode: mode.kind });
      return;
    }
    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') {
        sendJson(res, 405, { ok: false, error: { code: 'VALIDATION', message: 'Calls are made with POST.' } }, { Allow: 'POST' });
        return;
      }
      if (mode.kind === 'startup-failed') {
        sendJson(res, 503, { ok: false, error: { code: 'STARTUP_FAILED', message: mode.problem.message } });
        return;
      }
      const channel = decodeURIComponent(url.pathname.slice('/rpc/'.length));
      readBody(req)
        .then(async (text) => {
          let input: unknown = {};
          if (text.trim() !== '') {
            try {
              input = JSON.parse(text);
            } catch {
              sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' } });
              return;
            }
          }
          let setCookie: string | null = null;
          const result = await mode.dispatch(channel, input, {
            transport: 'http',
            sessionToken: readCookie(req.headers.cookie, SESSION_COOKIE),
            setSessionToken: (token) => {
              setCookie = sessionCookie(token);
            },
          });
          const status = !result.ok && result.error.code === 'UNKNOWN_CHANNEL' ? 404 : 200;
          sendJson(res, status, result, setCookie ? { 'Set-Cookie': setCookie } : {});
        })
        .catch((error: unknown) => {
          options.logger.error(`HTTP call to ${channel} failed before dispatch`, error);
          if (!res.headersSent) sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request could not be read.' } });
        });
      return;
    }
    if (url.pathname === '/events' && req.method === 'GET') {
      if (mode.kind === 'startup-failed') {
        res.writeHead(503);
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      const unsubscribe = mode.events.subscribe((name, payload) => {
        res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
      });
      req.on('close', () => {
        unsubscribe();
        streams.delete(res);
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405);
      res.end();
      return;
    }
    if (mode.kind === 'startup-failed') {
      res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(startupErrorPage(mode.problem));
      return;
    }
    serveStatic(staticDir, url.pathname, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
