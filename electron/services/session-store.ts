import { randomBytes } from 'node:crypto';

/**
 * Signed-in sessions, held in main-process memory only (a restart signs everyone out). The token travels in an
 * HttpOnly cookie (browser mode) or stays in main keyed by the window (Electron); the renderer never sees it.
 */
export interface Session {
  readonly token: string;
  readonly userId: string;
  readonly loginId: string;
  readonly name: string;
  readonly roleId: string;
  readonly roleName: string;
  readonly permissions: ReadonlySet<string>;
  readonly stationId: string;
  readonly stationCode: string;
  readonly stationName: string;
  mustChangePassword: boolean;
  readonly createdAt: Date;
  lastSeenAt: Date;
}

export interface SessionStore {
  create(data: Omit<Session, 'token' | 'createdAt' | 'lastSeenAt'>, now: Date): Session;
  get(token: string | null): Session | null;
  remove(token: string | null): void;
  removeForUser(userId: string): void;
}

export function createSessionStore(): SessionStore {
  const sessions = new Map<string, Session>();
  return {
    create(data, now) {
      const token = randomBytes(32).toString('base64url');
      const session: Session = { ...data, token, createdAt: now, lastSeenAt: now };
      sessions.set(token, session);
      return session;
    },
    get: (token) => (token ? (sessions.get(token) ?? null) : null),
    remove(token) {
      if (token) sessions.delete(token);
    },
    removeForUser(userId) {
      for (const [token, session] of sessions) if (session.userId === userId) sessions.delete(token);
    },
  };
}
