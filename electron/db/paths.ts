import path from 'node:path';

/** Where the shipped migrations are: next to the source when run from source, or in the packaged resources. */
export function migrationsFolder(appRoot: string): string {
  return path.join(appRoot, 'electron', 'db', 'migrations');
}
