import { parseArgs } from 'node:util';
import { AppFailure } from '../../shared/errors/result';
import { EXIT, type CliCommand } from './cli-command';
import { withLocalCore } from './cli-core';

/**
 * `user unlock ID [--login | --vend]`: clears a user's login and/or vend lock on this terminal, for the day the only
 * administrator locked themselves out. Whoever can run commands on the terminal's own account can already read its
 * data folder, so this gives nothing away; it is audited (actor "cli", with the operating-system user) like an
 * administrator's unlock.
 */
const OPTIONS = { login: { type: 'boolean' }, vend: { type: 'boolean' }, 'data-dir': { type: 'string' } } as const;

export type UnlockPlan = { ok: true; loginId: string; which: 'login' | 'vend' | 'both'; dataDir: string | null } | { ok: false; message: string };

export function planUnlock(args: readonly string[]): UnlockPlan {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { ok: false, message: `${(error as Error).message.split('\n')[0] ?? 'The options could not be read'}. Run \`npm run cli -- help\` for the options.` };
  }
  const [loginId, ...extra] = parsed.positionals;
  if (loginId === undefined || loginId.trim() === '') return { ok: false, message: 'Name the user id to unlock, for example: npm run cli -- user unlock 0000' };
  if (extra.length > 0) return { ok: false, message: `Unlock one user at a time: "${extra.join(' ')}" is not understood.` };
  const { login, vend } = parsed.values;
  const which = login && !vend ? 'login' : vend && !login ? 'vend' : 'both';
  return { ok: true, loginId: loginId.trim(), which, dataDir: parsed.values['data-dir'] ?? null };
}

const WHAT = { login: 'login is', vend: 'vend password is', both: 'login and vend password are' } as const;

export const userUnlockCommand: CliCommand = {
  words: ['user', 'unlock'],
  summary: 'Unlock a user\'s login and/or vend password on this terminal (when the only administrator is locked out). Audited.',
  usage: 'user unlock ID [--login | --vend (default both)] [--data-dir DIR (default TOKENTILL_DATA_DIR)]',
  async run(args, io) {
    const plan = planUnlock(args);
    if (!plan.ok) {
      io.stderr(plan.message);
      return EXIT.usage;
    }
    const osUser = io.env.USER ?? io.env.USERNAME ?? 'unknown';
    const outcome = await withLocalCore(io, { dataDir: plan.dataDir, program: 'command line (npm run cli -- user unlock)' }, (core) => {
      try {
        return { ok: true as const, row: core.services.users.unlock({ loginId: plan.loginId }, plan.which, `cli:${osUser}`, 'cli') };
      } catch (error) {
        if (error instanceof AppFailure) return { ok: false as const, message: error.message };
        throw error;
      }
    });
    if (!outcome.ok) {
      io.stderr(outcome.message);
      return EXIT.failed;
    }
    if (!outcome.value.ok) {
      io.stderr(outcome.value.message);
      return EXIT.failed;
    }
    const row = outcome.value.row;
    io.stdout(`${row.name} (${row.loginId}): the ${WHAT[plan.which]} unlocked.${row.active ? '' : ' Note: this user is inactive and still cannot sign in.'}`);
    return EXIT.ok;
  },
};
