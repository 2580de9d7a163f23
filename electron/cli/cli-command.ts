/**
 * What a `npm run cli -- <command>` subcommand is: the words that name it (`init`, later `user unlock`,
 * `audit verify`), a usage line, and a run function that does all its I/O through `io`. Exit codes are the same for
 * every command: 0 done (one line on stdout), 1 could not be done (one line on stderr saying why), 2 bad input (one
 * line on stderr naming the option).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  readonly homeDir: string;
  /** The folder that holds package.json and electron/db/migrations. */
  readonly appRoot: string;
}

export interface CliCommand {
  readonly words: readonly string[];
  readonly usage: string;
  readonly summary: string;
  run(args: readonly string[], io: CliIo): Promise<ExitCode>;
}
