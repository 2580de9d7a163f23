// Entry point of `npm run --silent sts -- <command> [options]` (run from source by tsx). All logic is in
// sts-command.ts; this file only wires process I/O, the file system and the random nibble for --rnd's default.
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { runStsCommand } from './sts-command';

process.exitCode = runStsCommand(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  readFile: (path) => readFileSync(path, 'utf8'),
  randomNibble: () => randomInt(16),
});
