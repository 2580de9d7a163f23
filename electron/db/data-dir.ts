import path from 'node:path';

/**
 * Where a terminal keeps its database when TOKENTILL_DATA_DIR does not say: the per-user application data folder
 * of the operating system (the same place Electron's `app.getPath('userData')` points at for an app named TokenTill).
 */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (env.TOKENTILL_DATA_DIR) return path.resolve(env.TOKENTILL_DATA_DIR);
  switch (platform) {
    case 'win32':
      return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'TokenTill');
    case 'darwin':
      return path.posix.join(home, 'Library', 'Application Support', 'TokenTill');
    default:
      return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), 'TokenTill');
  }
}

export const DATABASE_FILE = 'tokentill.db';
export const LOCK_FILE = 'tokentill.lock';
export const BACKUP_DIR = 'backups';
