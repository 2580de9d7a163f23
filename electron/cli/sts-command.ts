// The `sts` command (support staff and scripts rely on it; keep its output stable). Pure: all I/O comes through `io`,
// so it is unit-testable. Good input: results on stdout, one per line, exit 0. Bad input: exactly one line on stderr
// naming the option and the problem, exit 2. Hex is read case-insensitively and printed upper-case; times are
// ISO 8601, UTC when no offset is given. EA11 (MISTY1) and DKGA04 work on the existing commands; key-change, openpaygo
// and meter issue key-change sets, OpenPAYGO codes, and feed tokens to a virtual meter.
import {
  AMOUNT_MAX, buildCreditToken, buildKeyChangeTokens, buildManagementToken, buildMeterTestToken, bytesToHex,
  classifyStaTables, createDkga02Deriver, createDkga04Deriver, createVirtualMeter, decodeToken, fail, formatTenths,
  generateOpenPaygoToken, MANAGEMENT_SUBCLASSES, meterPanFromDrn, ok, OPENPAYGO_COUNTER_SYNC_VALUE,
  OPENPAYGO_DISABLE_VALUE, OPENPAYGO_MAX_CODE, OPENPAYGO_MAX_VALUE, parseDecimalTenths, parseDrn, parseMeterPan,
  parseSgc, parseStaTables, parseTokenNumber, StsInputError, tidFromDate, type BaseYear, type CreditSubclass,
  type EncryptionAlgorithm, type EnterResult, type KeyType, type ManagementSubclass, type MeterEffect, type MeterPan,
  type OpenPaygoTokenType, type StaTables, type StsResult, type TokenCipherSpec,
} from '../sts';
import {
  DECODER_KEY_BYTES, EA_CODES, hexBytes, intInRange, oneOf, OptionReader, parseBaseYear, parseIsoTime, splitArgs,
  variadicValues,
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
  newDecoderKey: '--new-dk', ken: '--ken', key: '--key', startingCode: '--starting-code', count: '--count',
};

/** Options that take several words: `meter --enter TOKEN TOKEN ...`. */
const VARIADIC_OPTIONS = ['--enter'];

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

/**
 * A decoder key for `algorithm`. A well-formed key of the other size (64-bit for EA11, 128-bit for EA07/EA09) means
 * the algorithm was mistaken, so the error names the algorithm option.
 */
function readDecoderKey(text: string, field: string, algorithmOption: string, algorithm: EncryptionAlgorithm): StsResult<Uint8Array> {
  const bytes = DECODER_KEY_BYTES[algorithm];
  const otherBytes = bytes === 16 ? 8 : 16;
  if (new RegExp(`^[0-9a-fA-F]{${otherBytes * 2}}$`).test(text)) {
    return fail(algorithmOption, `${algorithm} takes a ${bytes * 8}-bit decoder key (${bytes * 2} hex digits) but ${field} is ${otherBytes * 8}-bit; ${bytes === 16 ? 'use --ea 07 or 09 for a 64-bit key' : 'use --ea 11 for a 128-bit key'}.`);
  }
  return hexBytes(bytes)(text, field);
}

/** --dk and --ea (and --tables for EA07): the cipher a token is made or read with. */
function readCipher(opts: OptionReader, io: StsCommandIo): StsResult<TokenCipherSpec> {
  const algorithm = opts.required('--ea', oneOf(EA_CODES));
  if (!algorithm.ok) return algorithm;
  const decoderKey = opts.required('--dk', (text, field) => readDecoderKey(text, field, '--ea', algorithm.value));
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

/** The key parameters both DKGAs take: (--pan | --drn) --kt --sgc --ti --krn. */
type KeyParams = { pan: MeterPan; kt: KeyType; sgc: string; ti: number; krn: number };

function readKeyParams(opts: OptionReader): StsResult<KeyParams> {
  return collect<KeyParams>({
    pan: () => readPan(opts),
    kt: () => opts.required('--kt', intInRange(0, 3)) as StsResult<KeyType>,
    sgc: () => opts.required('--sgc', parseSgc),
    ti: () => opts.required('--ti', intInRange(0, 99)),
    krn: () => opts.required('--krn', intInRange(1, 9)),
  });
}

/** Decoder-key derivation algorithms by code. */
export const DKGA_HANDLERS: Record<string, (opts: OptionReader) => StsResult<Uint8Array>> = {
  '02': (opts) => {
    for (const name of ['--bd', '--ea']) {
      if (opts.has(name)) return fail(name, 'applies to --dkga 04 only; DKGA02 keys do not depend on it.');
    }
    const p = collect<{ vk: Uint8Array; key: KeyParams }>({
      vk: () => opts.required('--vk', hexBytes(8)),
      key: () => readKeyParams(opts),
    });
    if (!p.ok) return p;
    const { vk, key } = p.value;
    return ok(createDkga02Deriver(vk)({ pan: key.pan, keyType: key.kt, sgc: key.sgc, ti: key.ti, krn: key.krn }));
  },
  '04': (opts) => {
    const p = collect<{ vk: Uint8Array; key: KeyParams; baseYear: BaseYear | undefined; ea: EncryptionAlgorithm | undefined }>({
      vk: () => opts.required('--vk', (text, field) => (/^[0-9a-fA-F]{16}$/.test(text)
        ? fail('--dkga', '04 takes a 160-bit vending key (40 hex digits) but --vk is 64-bit; a 64-bit vending key is DKGA02\'s (--dkga 02).')
        : hexBytes(20)(text, field))),
      key: () => readKeyParams(opts),
      baseYear: () => opts.optional('--bd', parseBaseYear),
      ea: () => opts.optional('--ea', oneOf({ '07': 'EA07' as const, '11': 'EA11' as const })),
    });
    if (!p.ok) return p;
    const { vk, key, baseYear, ea } = p.value;
    return ok(createDkga04Deriver(vk)({
      pan: key.pan, keyType: key.kt, sgc: key.sgc, ti: key.ti, krn: key.krn, baseYear: baseYear ?? 2014,
      algorithm: ea === 'EA11' ? 'EA11' : 'EA07',
    }));
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

/** The commands, by name. */
export const STS_COMMANDS: Record<string, StsCommand> = {
  'decoder-key': {
    options: ['--dkga', '--vk', '--pan', '--drn', '--kt', '--sgc', '--ti', '--krn', '--bd', '--ea'],
    usage: 'decoder-key --dkga 02|04 --vk HEX (--pan 18DIGITS | --drn 11|13DIGITS) --kt 0-3 --sgc 6DIGITS --ti 0-99 --krn 1-9 [--bd Y] [--ea 07|11] (--bd, --ea: DKGA04 only)',
    run: (opts) => {
      const derive = opts.required('--dkga', oneOf(DKGA_HANDLERS));
      if (!derive.ok) return derive;
      const key = derive.value(opts);
      return key.ok ? ok([bytesToHex(key.value)]) : key;
    },
  },
  credit: {
    options: ['--dk', '--ea', '--subclass', ...TID_OPTIONS, '--amount', '--tables'],
    usage: 'credit --dk HEX --ea 07|09|11 --subclass 0-3 (--tid N | --time ISO [--bd Y]) --amount DECIMAL [--rnd N] [--tables FILE]',
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
    usage: 'management --dk HEX --ea 07|09|11 --subclass 0|1|2|5|6|7 (--tid N | --time ISO [--bd Y]) --value N [--rnd N] [--tables FILE]',
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
    usage: 'decode --dk HEX --ea 07|09|11 --token DIGITS [--tables FILE]',
    run: (opts, io) => {
      const cipher = readCipher(opts, io);
      if (!cipher.ok) return cipher;
      const token = opts.required('--token', parseTokenNumber);
      if (!token.ok) return token;
      return ok([decodedToJson(token.value, cipher.value)]);
    },
  },
  'key-change': {
    options: ['--old-dk', '--new-dk', '--ea', '--kt', '--krn', '--ti', '--ken', '--ro', '--sgc', '--tables'],
    usage: 'key-change --old-dk HEX --new-dk HEX --ea 07|09|11 --kt 0-3 --krn 1-9 --ti 0-99 [--ken 0-255] [--ro 0|1] [--sgc 6DIGITS] [--tables FILE] (prints the 2 or 4 tokens in entry order; --sgc is required with --ea 11)',
    run: (opts, io) => {
      const algorithm = opts.required('--ea', oneOf(EA_CODES));
      if (!algorithm.ok) return algorithm;
      const wide = algorithm.value === 'EA11';
      const p = collect<{
        oldKey: Uint8Array; newKey: Uint8Array; kt: number; krn: number; ti: number; ken: number | undefined;
        ro: boolean | undefined; sgc: string | undefined; tables: StaTables | undefined;
      }>({
        oldKey: () => opts.required('--old-dk', (text, field) => readDecoderKey(text, field, '--ea', algorithm.value)),
        newKey: () => opts.required('--new-dk', (text, field) => readDecoderKey(text, field, '--ea', algorithm.value)),
        kt: () => opts.required('--kt', intInRange(0, 3)),
        krn: () => opts.required('--krn', intInRange(1, 9)),
        ti: () => opts.required('--ti', intInRange(0, 99)),
        ken: () => opts.optional('--ken', intInRange(0, 255)),
        ro: () => opts.optional('--ro', oneOf({ 0: false, 1: true })),
        sgc: () => (wide
          ? opts.required('--sgc', parseSgc)
          : opts.has('--sgc') ? fail('--sgc', 'applies to --ea 11 only (4-token sets); a 2-token set does not carry the SGC.') : ok(undefined)),
        tables: () => readTables(opts, io, algorithm.value),
      });
      if (!p.ok) return p;
      const { oldKey, newKey, kt, krn, ti, ken, ro, sgc, tables } = p.value;
      const set = buildKeyChangeTokens({
        cipher: { algorithm: algorithm.value, decoderKey: oldKey, ...(tables ? { tables } : {}) },
        newDecoderKey: newKey, keyType: kt, krn, ti, ken, rollover: ro ?? false, sgc,
      });
      return ok(set.tokens.map((t) => t.tokenNumber));
    },
  },
  openpaygo: {
    options: ['--key', '--starting-code', '--count', '--type', '--value'],
    usage: 'openpaygo --key HEX --starting-code N --count N --type add|set|disable|sync --value N (prints the code, then the new count; --value is 998 for disable and 999 for sync and may be left out for them)',
    run: (opts) => {
      const p = collect<{ key: Uint8Array; startingCode: number; count: number; type: OpenPaygoTokenType }>({
        key: () => opts.required('--key', hexBytes(16)),
        startingCode: () => opts.required('--starting-code', intInRange(0, OPENPAYGO_MAX_CODE)),
        count: () => opts.required('--count', intInRange(0, 2 ** 31)),
        type: () => opts.required('--type', oneOf<OpenPaygoTokenType>({
          add: 'ADD_TIME', set: 'SET_TIME', disable: 'DISABLE_PAYG', sync: 'COUNTER_SYNC',
        })),
      });
      if (!p.ok) return p;
      const { type } = p.value;
      const fixed = type === 'DISABLE_PAYG' ? OPENPAYGO_DISABLE_VALUE : type === 'COUNTER_SYNC' ? OPENPAYGO_COUNTER_SYNC_VALUE : null;
      const value = fixed === null
        ? opts.required('--value', intInRange(0, OPENPAYGO_MAX_VALUE))
        : opts.optional('--value', (text, field) => (text === String(fixed) ? ok(fixed) : fail(field, `must be ${fixed} for --type ${type === 'DISABLE_PAYG' ? 'disable' : 'sync'}, got "${text}".`)));
      if (!value.ok) return value;
      const token = generateOpenPaygoToken({ ...p.value, value: value.value ?? undefined });
      return ok([token.code, String(token.newCount)]);
    },
  },
  meter: {
    options: ['--dk', '--ea', '--enter', '--tables'],
    usage: 'meter --dk HEX --ea 07|09|11 --enter TOKEN... [--tables FILE] (a fresh virtual meter: one line per token, then the registers)',
    run: (opts, io) => {
      const cipher = readCipher(opts, io);
      if (!cipher.ok) return cipher;
      const entered = opts.required('--enter', (text, field) => {
        const tokens: string[] = [];
        for (const word of variadicValues(text)) {
          const parsed = parseTokenNumber(word, field);
          if (!parsed.ok) return fail(field, `"${word}" ${parsed.error.message}`);
          tokens.push(parsed.value.toString().padStart(20, '0'));
        }
        return ok(tokens);
      });
      if (!entered.ok) return entered;
      const made = createVirtualMeter(cipher.value);
      if (!made.ok) return fail('--dk', made.error.message);
      const meter = made.value;
      const lines = entered.value.map((token) => `${token} ${describeEntry(meter.enter(token))}`);
      const { registers } = meter.state();
      lines.push(`registers electricity ${formatTenths(registers.electricity)} water ${formatTenths(registers.water)} gas ${formatTenths(registers.gas)} time ${formatTenths(registers.time)}`);
      return ok(lines);
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

/** One line per token for `meter`: "accepted <what it did>" or "rejected <REASON>: <message>". */
function describeEntry(result: EnterResult): string {
  return result.accepted ? `accepted ${describeEffect(result.effect)}` : `rejected ${result.reason}: ${result.message}`;
}

function describeEffect(effect: MeterEffect): string {
  switch (effect.kind) {
    case 'credit':
      return `credit ${effect.register} ${formatTenths(effect.amountTenths)} (balance ${formatTenths(effect.balanceTenths)}, TID ${effect.tid})`;
    case 'clear-credit': return `clear credit ${effect.registers.join(' ')} (TID ${effect.tid})`;
    case 'set-maximum-power-limit': return `maximum power limit ${effect.watts} W (TID ${effect.tid})`;
    case 'set-tariff-rate': return `tariff rate ${effect.rate} (TID ${effect.tid})`;
    case 'clear-tamper': return `clear tamper (TID ${effect.tid})`;
    case 'set-phase-power-unbalance-limit': return `phase power unbalance limit ${effect.watts} W (TID ${effect.tid})`;
    case 'set-water-meter-factor': return `water meter factor ${effect.factor} (TID ${effect.tid})`;
    case 'meter-test':
      return `meter test control ${effect.control} manufacturer ${String(effect.manufacturerCode).padStart(effect.manufacturerCodeDigits, '0')}`;
    case 'key-change-pending': return `key change token ${effect.received} of ${effect.of}`;
    case 'key-change':
      return `key change applied: KRN ${effect.krn} KT ${effect.keyType} TI ${effect.ti} KEN ${effect.ken}${effect.sgc === null ? '' : ` SGC ${effect.sgc}`}${effect.rollover ? ' roll-over (TID memory cleared)' : ''}`;
  }
}

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
  const args = splitArgs(argv, VARIADIC_OPTIONS);
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
