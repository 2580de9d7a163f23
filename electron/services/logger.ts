import fs from 'node:fs';
import path from 'node:path';

/**
 * The main side's log: one line per event, to a file in the data folder and to stderr. It records what failed and
 * why; it never receives request bodies, passwords or keys (callers pass messages, not inputs).
 */
export interface Logger {
  info(message: string): void;
  error(message: string, cause?: unknown): void;
}

export function createLogger(dataDir: string | null, options: { quiet?: boolean } = {}): Logger {
  let file: string | null = null;
  if (dataDir) {
    try {
      fs.mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
      file = path.join(dataDir, 'logs', 'tokentill.log');
    } catch {
      file = null;
    }
  }
  const write = (level: string, message: string) => {
    const line = `${new Date().toISOString()} ${level} ${message}\n`;
    if (file) {
      try {
        fs.appendFileSync(file, line);
      } catch {
        // a log that cannot be written must never stop a sale
      }
    }
    if (!options.quiet || level === 'ERROR') process.stderr.write(line);
  };
  return {
    info: (message) => write('INFO', message),
    error: (message, cause) => {
      const detail = cause instanceof Error ? ` | ${cause.name}: ${cause.message}\n${cause.stack ?? ''}` : cause === undefined ? '' : ` | ${String(cause)}`;
      write('ERROR', `${message}${detail}`);
    },
  };
}
