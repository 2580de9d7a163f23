import { parseArgs } from 'node:util';
import { passwordPolicyProblem } from '../../shared/auth/password-policy';
import { resolveCurrency } from '../../shared/format/currencies';
import { SetupInput } from '../../shared/ipc/schemas';
import { defaultDataDir } from '../db/data-dir';
import { startCore } from '../services/core';
import { DEMO_CASHIER } from '../services/demo/demo-seeder';
import { createLogger } from '../services/logger';
import { EXIT, type CliCommand } from './cli-command';

/**
 * `init`: the first-run setup without a screen, for scripted installs and test fixtures. It runs the same setup
 * service as the setup screen (through startCore and the dispatcher, so the same checks, the same transaction and
 * the same data-folder lock), after checking every option itself so a mistake names the option that caused it.
 */
const OPTIONS = {
  company: { type: 'string' },
  station: { type: 'string' },
  'station-name': { type: 'string' },
  district: { type: 'string' },
  currency: { type: 'string' },
  'currency-display': { type: 'string' },
  'admin-user': { type: 'string' },
  'admin-name': { type: 'string' },
  'admin-password': { type: 'string' },
  'vend-password': { type: 'string' },
  'tid-time-zone': { type: 'string' },
  demo: { type: 'boolean' },
  'data-dir': { type: 'string' },
} as const;

const REQUIRED = ['company', 'station', 'admin-user', 'admin-password', 'vend-password'] as const;

/** Which option each field of the setup request comes from, to name it in a message. */
const OPTION_OF_FIELD: Readonly<Record<string, string>> = {
  companyName: '--company',
  stationCode: '--station',
  stationName: '--station-name',
  districtName: '--district',
  defaultCurrency: '--currency',
  currencyDisplay: '--currency-display',
  adminUserId: '--admin-user',
  adminName: '--admin-name',
  adminPassword: '--admin-password',
  vendPassword: '--vend-password',
  tidTimeZone: '--tid-time-zone',
  loadDemo: '--demo',
};

export const DEFAULT_DISTRICT = 'Main district';

export type InitPlan = { ok: true; input: SetupInput; dataDir: string | null } | { ok: false; message: string };

function sentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}

/** Reads and checks the options; pure, so every refusal is unit-testable. */
const readOptions = (args: readonly string[]) => parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false }).values;

export function planInit(args: readonly string[]): InitPlan {
  let values: ReturnType<typeof readOptions>;
  try {
    values = readOptions(args);
  } catch (error) {
    return { ok: false, message: `${(error as Error).message.split('\n')[0] ?? 'The options could not be read'}. Run \`npm run cli -- help\` for the options.` };
  }
  for (const name of REQUIRED) {
    if (values[name] === undefined || values[name].trim() === '') return { ok: false, message: `--${name} is required.` };
  }
  const currency = resolveCurrency(values.currency ?? 'USD');
  if (!currency) {
    return { ok: false, message: `--currency: "${values.currency ?? ''}" is not an ISO 4217 currency code (for example USD, NGN, KES or CNY).` };
  }
  const parsed = SetupInput.safeParse({
    companyName: values.company,
    stationCode: values.station,
    stationName: values['station-name'] ?? values.station,
    districtName: values.district ?? DEFAULT_DISTRICT,
    defaultCurrency: currency.code,
    currencyDisplay: values['currency-display'] ?? currency.display ?? '',
    adminUserId: values['admin-user'],
    adminName: values['admin-name'] ?? values['admin-user'],
    adminPassword: values['admin-password'],
    vendPassword: values['vend-password'],
    tidTimeZone: values['tid-time-zone'] ?? 'UTC',
    loadDemo: values.demo ?? false,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const option = OPTION_OF_FIELD[String(issue?.path[0] ?? '')] ?? 'an option';
    return { ok: false, message: `${option}: ${sentence(issue?.message ?? 'is not valid')}` };
  }
  const input = parsed.data;
  const loginProblem = passwordPolicyProblem(input.adminPassword, { userId: input.adminUserId });
  if (loginProblem) return { ok: false, message: `--admin-password: ${loginProblem}` };
  const vendProblem = passwordPolicyProblem(input.vendPassword, { userId: input.adminUserId });
  if (vendProblem) return { ok: false, message: `--vend-password: ${vendProblem}` };
  if (input.vendPassword === input.adminPassword) return { ok: false, message: '--vend-password: it must differ from --admin-password.' };
  return { ok: true, input, dataDir: values['data-dir'] ?? null };
}

export const initCommand: CliCommand = {
  words: ['init'],
  summary: 'First-run setup of this terminal (the setup screen, unattended).',
  usage:
    'init --company NAME --station CODE --admin-user ID --admin-password PW --vend-password PW [--demo] ' +
    `[--station-name NAME] [--district NAME (default "${DEFAULT_DISTRICT}")] [--currency CODE (default USD; RMB is stored as CNY)] ` +
    '[--currency-display NAME] [--admin-name NAME] [--tid-time-zone ZONE (default UTC)] [--data-dir DIR (default TOKENTILL_DATA_DIR)]',
  async run(args, io) {
    const plan = planInit(args);
    if (!plan.ok) {
      io.stderr(plan.message);
      return EXIT.usage;
    }
    const dataDir = plan.dataDir ?? defaultDataDir(io.platform, io.env, io.homeDir);
    const started = await startCore({
      dataDir,
      appRoot: io.appRoot,
      program: 'command line (npm run cli -- init)',
      env: io.env,
      logger: createLogger(dataDir, { quiet: true }),
    });
    if (!started.ok) {
      io.stderr(started.problem.message);
      return EXIT.failed;
    }
    const { core } = started;
    try {
      const result = await core.dispatch('setup.init', plan.input, { transport: 'cli', sessionToken: null, setSessionToken: () => undefined });
      if (!result.ok) {
        io.stderr(result.error.code === 'SETUP_DONE' ? `The data folder ${dataDir} is already set up; nothing was changed.` : result.error.message);
        return result.error.code === 'VALIDATION' || result.error.code === 'PASSWORD_POLICY' ? EXIT.usage : EXIT.failed;
      }
      const { input } = plan;
      const demo = input.loadDemo ? `, demo data loaded (cashier user id "${DEMO_CASHIER.loginId}")` : '';
      io.stdout(`TokenTill is set up in ${dataDir}: company "${input.companyName}", station ${input.stationCode}, admin user "${input.adminUserId}"${demo}.`);
      return EXIT.ok;
    } finally {
      core.close();
    }
  },
};
