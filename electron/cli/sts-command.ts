// The `sts` command (support staff and scripts rely on it; keep its output stable). Pure: all I/O comes through `io`,
// so it is unit-testable. Good input: results on stdout, one per line, exit 0. Bad input: exactly one line on stderr
// naming the option and the problem, exit 2. Hex is read case-insensitively and printed upper-case; times are
// ISO 8601, UTC when no offset is given. The command table is open: T2 adds commands and codes (EA11, DKGA04).
import {
  AMOUNT_MAX, buildCreditToken, buildManagementToken, buildMeterTestToken, bytesToHex, classifyStaTables,
  createDkga02Deriver, decodeToken, fail, MANAGEMENT_SUBCLASSES, meterPanFromDrn, ok, parseDecimalTenths, parseDrn,
  parseMeterPan, parseSgc, parseStaTables, parseTokenNumber, StsInputError, tidFromDate, type CreditSubclass,
  type EncryptionAlgorithm, type KeyType, type ManagementSubclass, type MeterPan, type StaTables, type StsResult,
  type TokenCipherSpec,
} from '../sts';
import {
  DECODER_KEY_BYTES, EA_CODES, hexBytes, intInRange, oneOf, OptionReader, parseBaseYear, parseIsoTime, splitArgs,
} from './sts-options';

export type StsCommandIo = Readonly<{
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Reads a text file; throws (like fs.readFileSync) when it cannot. */
  readFile: (path: string) => string;
  /** A random nibble 0-15 for --rnd's default. */
  randomNibble: () => number;
}>;

export type StsCommand = Readonly<{
  /** Options in the order the usage line shows them. */
  options: readonly string[];
  usage: string;
  run: (opts: OptionReader, io: StsCommandIo) => StsResult<readonly string[]>;
}>;

/** Maps StsInputError fields thrown by the engine back to the option that carried the value. */
const FIELD_TO_OPTION: Readonly<Record<string, string>> = {
  tid: '--tid', rnd: '--rnd', amountTenths: '--amount', value: '--value', decoderKey: '--dk', vendingKey: '--vk',
  manufacturerCode: '--mfr', control: '--control', keyType: '--kt', sgc: '--sgc', ti: '--ti', krn: '--krn',
};

function readTables(opts: OptionReader, io: StsCommandIo, algorithm: EncryptionAlgorithm): StsResult<StaTables | undefined> {
  if (!opts.has('--tables')) return ok(undefined);
  if (algorithm !== 'EA07') return fail('--tables', `applies to --ea 07 only (STA tables), not to ${algorithm}.`);
  return opts.required('--tables', (path, field) => readTablesFile(path, field, io));
}

function readTablesFile(path: string, field: string, io: StsCommandIo): StsResult<StaTables> {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return fail(field, `cannot read ${path}${typeof code === 'string' ? ` (${code})` : ''}; check the path and permissions.`);
  }
  return parseStaTables(text, field);
}

/** --dk and --ea (and --tables for EA07): the cipher a token is made or read with. */
function readCipher(opts: OptionReader, io: StsCommandIo): StsResult<TokenCipherSpec> {
  const algorithm = opts.required('--ea', oneOf(EA_CODES));
  if (!algorithm.ok) return algorithm;
  const decoderKey = opts.required('--dk', hexBytes(DECODER_KEY_BYTES[algorithm.value]));
  if (!decoderKey.ok) return decoderKey;
  const tables = readTables(opts, io, algorithm.value);
  if (!tables.ok) return tables;
  return ok({ algorithm: algorithm.value, decoderKey: decoderKey.value, ...(tables.value ? { tables: tables.value } : {}) });
}

/** (--tid N | --time ISO [--bd Y]). */
function readTid(opts: OptionReader): StsResult<number> {
  const which = opts.exactlyOne('--tid', '--time');
  if (!which.ok) return which;
  if (which.value === 'first') {
    if (opts.has('--bd')) return fail('--bd', 'applies only with --time; --tid is already minutes since the base date.');
    return opts.required('--tid', intInRange(0, 0xffffff));
  }
  const time = opts.required('--time', parseIsoTime);
  if (!time.ok) return time;
  const baseYear = opts.optional('--bd', parseBaseYear);
  if (!baseYear.ok) return baseYear;
  const tid = tidFromDate(time.value, baseYear.value ?? 2014);
  return tid.ok ? tid : fail('--time', tid.error.message);
}

function readRnd(opts: OptionReader, io: StsCommandIo): StsResult<number> {
  const rnd = opts.optional('--rnd', intInRange(0, 15));
  if (!rnd.ok) return rnd;
  return ok(rnd.value ?? io.randomNibble());
}

/** Runs `steps` in order, stopping at the first failure. Keeps the command bodies flat. */
function collect<T extends Record<string, unknown>>(steps: { [K in keyof T]: () => StsResult<T[K]> }): StsResult<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(steps) as (keyof T)[]) {
    const result = steps[key]();
    if (!result.ok) return result;
    out[key] = result.value;
  }
  return ok(out as T);
}

/** Decoder-key derivation algorithms by code. T2 adds '04'. */
export const DKGA_HANDLERS: Record<string, (opts: OptionReader) => StsResult<Uint8Array>> = {
  '02': (opts) => {
    const p = collect<{ vk: Uint8Array; pan: MeterPan; kt: KeyType; sgc: string; ti: number; krn: number }>({
      vk: () => opts.required('--vk', hexBytes(8)),
      pan: () => readPan(opts),
      kt: () => opts.required('--kt', intInRange(0, 3)) as StsResult<KeyType>,
      sgc: () => opts.required('--sgc', parseSgc),
      ti: () => opts.required('--ti', intInRange(0, 99)),
      krn: () => opts.required('--krn', intInRange(1, 9)),
    });
    if (!p.ok) return p;
    const { vk, pan, kt, sgc, ti, krn } = p.value;
    return ok(createDkga02Deriver(vk)({ pan, keyType: kt, sgc, ti, krn }));
  },
};

/** (--pan 18DIGITS | --drn 11|13DIGITS). */
export function readPan(opts: OptionReader): StsResult<MeterPan> {
  const which = opts.exactlyOne('--pan', '--drn');
  if (!which.ok) return which;
  if (which.value === 'first') return opts.required('--pan', parseMeterPan);
  const drn = opts.required('--drn', parseDrn);
  return drn.ok ? ok(meterPanFromDrn(drn.value)) : drn;
}

function decodedToJson(token: bigint, cipher: TokenCipherSpec): string {
  const decoded = decodeToken(token, cipher);
  return JSON.stringify({ class: decoded.tokenClass, subclass: decoded.subclass, fields: decoded.fields, crcOk: decoded.crcOk });
}

const TID_OPTIONS = ['--tid', '--time', '--bd', '--rnd'];

/** The commands, by name. T2 adds key-change, openpaygo and meter. */
export const STS_COMMANDS: Record<string, StsCommand> = {
  'decoder-key': {
    options: ['--dkga', '--vk', '--pan', '--drn', '--kt', '--sgc', '--ti', '--krn'],
    usage: 'decoder-key --dkga 02 --vk HEX (--pan 18DIGITS | --drn 11|13DIGITS) --kt 0-3 --sgc 6DIGITS --ti 0-99 --krn 1-9',
    run: (opts) => {
      const derive = opts.required('--dkga', oneOf(DKGA_HANDLERS));
      if (!derive.ok) return derive;
      const key = derive.value(opts);
      return key.ok ? ok([bytesToHex(key.value)]) : key;
    },
  },
  credit: {
    options: ['--dk', '--ea', '--subclass', ...TID_OPTIONS, '--amount', '--tables'],
    usage: 'credit --dk HEX --ea 07|09 --subclass 0-3 (--tid N | --time ISO [--bd Y]) --amount DECIMAL [--rnd N] [--tables FILE]',
    run: (opts, io) => {
      const p = collect<{ cipher: TokenCipherSpec; subclass: number; tid: number; amount: number; rnd: number }>({
        cipher: () => readCipher(opts, io),
        subclass: () => opts.required('--subclass', intInRange(0, 3)),
        tid: () => readTid(opts),
        amount: () => opts.required('--amount', parseDecimalTenths),
        rnd: () => readRnd(opts, io),
      });
      if (!p.ok) return p;
      const { cipher, subclass, tid, amount, rnd } = p.value;
      return ok([buildCreditToken({ cipher, subclass: subclass as CreditSubclass, tid, rnd, amountTenths: amount }).tokenNumber]);
    },
  },
  management: {
    options: ['--dk', '--ea', '--subclass', ...TID_OPTIONS, '--value', '--tables'],
    usage: 'management --dk HEX --ea 07|09 --subclass 0|1|2|5|6|7 (--tid N | --time ISO [--bd Y]) --value N [--rnd N] [--tables FILE]',
    run: (opts, io) => {
      const p = collect<{ cipher: TokenCipherSpec; subclass: ManagementSubclass; tid: number; rnd: number }>({
        cipher: () => readCipher(opts, io),
        subclass: () => opts.required('--subclass', oneOf(Object.fromEntries(MANAGEMENT_SUBCLASSES.map((s) => [String(s), s])))),
        tid: () => readTid(opts),
        rnd: () => readRnd(opts, io),
      });
      if (!p.ok) return p;
      // Subclasses 0 and 6 carry watts (TransferAmount coding, rounded up); the others a raw 16-bit value.
      const watts = p.value.subclass === 0 || p.value.subclass === 6;
      const value = opts.required('--value', intInRange(0, watts ? AMOUNT_MAX : 0xffff));
      if (!value.ok) return value;
      return ok([buildManagementToken({ ...p.value, value: value.value }).tokenNumber]);
    },
  },
  'test-token': {
    options: ['--mfr-digits', '--mfr', '--control'],
    usage: 'test-token --mfr-digits 2|4 --mfr N --control N',
    run: (opts) => {
      const digits = opts.required('--mfr-digits', oneOf({ 2: 2 as const, 4: 4 as const }));
      if (!digits.ok) return digits;
      const four = digits.value === 4;
      const mfr = opts.required('--mfr', intInRange(0, four ? 9999 : 99));
      if (!mfr.ok) return mfr;
      const control = opts.required('--control', intInRange(0, 2 ** (four ? 28 : 36) - 1));
      if (!control.ok) return control;
      return ok([buildMeterTestToken({ manufacturerCodeDigits: digits.value, manufacturerCode: mfr.value, control: control.value }).tokenNumber]);
    },
  },
  decode: {
    options: ['--dk', '--ea', '--token', '--tables'],
    usage: 'decode --dk HEX --ea 07|09 --token DIGITS [--tables FILE]',
    run: (opts, io) => {
      const cipher = readCipher(opts, io);
      if (!cipher.ok) return cipher;
      const token = opts.required('--token', parseTokenNumber);
      if (!token.ok) return token;
      return ok([decodedToJson(token.value, cipher.value)]);
    },
  },
  tables: {
    options: ['--file'],
    usage: 'tables --file FILE',
    run: (opts, io) => {
      const tables = opts.required('--file', (path, field) => readTablesFile(path, field, io));
      return tables.ok ? ok([classifyStaTables(tables.value)]) : tables;
    },
  },
};

function usageLines(): string[] {
  return ['usage: npm run --silent sts -- <command> [options]', ...Object.values(STS_COMMANDS).map((c) => `  ${c.usage}`)];
}

/** Runs one invocation. Returns the exit code: 0 done, 2 bad input, 1 an unexpected internal error. */
export function runStsCommand(argv: readonly string[], io: StsCommandIo): number {
  const first = argv[0];
  if (first === 'help' || first === '--help' || first === '-h') {
    usageLines().forEach((line) => io.stdout(line));
    return 0;
  }
  const outcome = runParsed(argv, io);
  if (outcome.ok) {
    outcome.value.forEach((line) => io.stdout(line));
    return 0;
  }
  io.stderr(`sts: ${outcome.error.field}: ${outcome.error.message}`);
  return outcome.error.field === 'internal' ? 1 : 2;
}

function runParsed(argv: readonly string[], io: StsCommandIo): StsResult<readonly string[]> {
  const args = splitArgs(argv);
  if (!args.ok) return args;
  const command = Object.hasOwn(STS_COMMANDS, args.value.command) ? STS_COMMANDS[args.value.command] : undefined;
  if (!command) {
    return fail(args.value.command, `is not a command; use one of ${Object.keys(STS_COMMANDS).join(', ')} (or help).`);
  }
  const opts = new OptionReader(args.value.options);
  const allowed = opts.checkAllowed(command.options, args.value.command);
  if (!allowed.ok) return allowed;
  try {
    return command.run(opts, io);
  } catch (error) {
    if (error instanceof StsInputError) {
      const option = FIELD_TO_OPTION[error.field] ?? error.field;
      return fail(option, error.message.replace(`${error.field}: `, ''));
    }
    return fail('internal', `unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  }
}
