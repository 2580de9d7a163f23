/**
 * Browser-mode requests must come from the host's own page. A request whose Origin is another site (a page the
 * kiosk's browser happens to show), whose Host is not this loopback address (DNS rebinding), or that the browser
 * marks as cross-site, is refused before any handler runs. Requests without an Origin (scripts on this machine,
 * curl) are accepted: the host listens on 127.0.0.1 only.
 */
export interface RequestHeaders {
  origin?: string | undefined;
  host?: string | undefined;
  'sec-fetch-site'?: string | undefined;
}

export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export function originRefusal(headers: RequestHeaders, port: number): string | null {
  const allowed = ownOrigins(port);
  const hosts = allowed.map((origin) => origin.slice('http://'.length));
  if (headers.host !== undefined && !hosts.includes(headers.host.toLowerCase())) {
    return `Requests must be addressed to this terminal (${hosts[0]}), not ${headers.host}.`;
  }
  if (headers.origin !== undefined && !allowed.includes(headers.origin.toLowerCase())) {
    return `Requests from ${headers.origin} are refused: only TokenTill's own page may call it.`;
  }
  if (headers['sec-fetch-site'] === 'cross-site') return 'Cross-site requests are refused.';
  return null;
}
