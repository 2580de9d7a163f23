import os from 'node:os';
import path from 'node:path';
import { EXIT, type CliCommand, type CliIo, type ExitCode } from './cli-command';
import { auditVerifyCommand } from './cli-audit-verify';
import { dbCheckCommand } from './cli-db-check';
import { initCommand } from './cli-init';
import { userUnlockCommand } from './cli-user-unlock';

/**
 * `npm run cli -- <command> [options]`: the terminal's command line. A small dispatcher over the command table;
 * each command is a `CliCommand` in ./cli-<name>.ts and is added to COMMANDS (user unlock and audit verify come
 * with their issues). Exit 0 done, 1 could not be done, 2 bad input; messages are one line.
 */
export const COMMANDS: readonly CliCommand[] = [initCommand, userUnlockCommand, auditVerifyCommand, dbCheckCommand];

function usageText(): string {
  return ['Usage: npm run cli -- <command> [options]', '', ...COMMANDS.map((command) => `  ${command.usage}\n      ${command.summary}`)].join('\n');
}

/** The command whose words start the argument list, preferring the longest match (`user unlock` over `user`). */
export function findCommand(argv: readonly string[]): { command: CliCommand; rest: readonly string[] } | null {
  let best: CliCommand | null = null;
  for (const command of COMMANDS) {
    const matches = command.words.every((word, index) => argv[index] === word);
    if (matches && (best === null || command.words.length > best.words.length)) best = command;
  }
  return best ? { command: best, rest: argv.slice(best.words.length) } : null;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const first = argv[0];
  if (first === undefined) {
    io.stderr('Name a command: npm run cli -- help lists them.');
    return EXIT.usage;
  }
  if (first === 'help' || first === '--help' || first === '-h') {
    io.stdout(usageText());
    return EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    io.stderr(`There is no command "${argv.join(' ')}": npm run cli -- help lists them.`);
    return EXIT.usage;
  }
  return found.command.run(found.rest, io);
}

if (require.main === module) {
  const io: CliIo = {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    platform: process.platform,
    homeDir: os.homedir(),
    appRoot: path.resolve(__dirname, '..', '..'),
  };
  runCli(process.argv.slice(2), io)
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      io.stderr(`The command failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = EXIT.failed;
    });
}
