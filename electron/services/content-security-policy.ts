/**
 * The renderer's Content-Security-Policy, the same in Electron and browser mode: only the app's own scripts, no
 * inline script, no plug-ins, no framing, requests only to its own origin. Inline styles are allowed because React
 * style attributes need them; they cannot run code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
