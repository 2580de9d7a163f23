import readline from 'node:readline';
import { COLUMNS_80MM, type PaperWidth, type PrinterModel } from '../../../shared/receipt/printer-profile';
import { isVirtualPrinterState, startVirtualPrinter, VIRTUAL_PRINTER_STATES, type VirtualPrinterState } from './virtual-printer';

/**
 * `npm run printer:virtual [-- options]`: the virtual receipt printer on 127.0.0.1 (see virtual-printer.ts).
 * Type a state name (or "state <name>", "close-after <bytes>", "jobs", "quit") on its input to script faults
 * while it runs.
 */
export const USAGE = `Usage: npm run printer:virtual -- [options]
  --port <n>          TCP port on 127.0.0.1 (default 9100; 0 picks a free one)
  --model <m>         EPSON or STAR command set (default EPSON)
  --width <mm>        paper width, 58 or 80 (default 80)
  --columns <n>       characters per line on 80 mm paper, 48 or 42 (default 48)
  --state <s>         starting state: ${VIRTUAL_PRINTER_STATES.join(', ')}
  --close-after <n>   bytes taken before close-mid-job resets the connection (default 64)
  --out <folder>      also save every job there (job-0001.bin, .txt, .png)
  --quiet             do not print each job's text
While it runs, type a state name, "close-after <n>", "jobs" or "quit".`;

export interface VirtualPrinterCliOptions {
  port: number;
  model: PrinterModel;
  paperWidth: PaperWidth;
  columns: number | undefined;
  state: VirtualPrinterState;
  closeAfterBytes: number;
  saveDir: string | null;
  quiet: boolean;
}

export type ParsedCli = { ok: true; options: VirtualPrinterCliOptions } | { ok: false; message: string };

export function parseVirtualPrinterArgs(argv: readonly string[]): ParsedCli {
  const options: VirtualPrinterCliOptions = { port: 9100, model: 'EPSON', paperWidth: 80, columns: undefined, state: 'online', closeAfterBytes: 64, saveDir: null, quiet: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    const needValue = () => {
      if (value === undefined) throw new Error(`${flag} needs a value.`);
      i += 1;
      return value;
    };
    try {
      switch (flag) {
        case '--port': {
          const port = Number(needValue());
          if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, message: '--port takes a number from 0 to 65535.' };
          options.port = port;
          break;
        }
        case '--model': {
          const model = needValue().toUpperCase();
          if (model !== 'EPSON' && model !== 'STAR') return { ok: false, message: '--model takes EPSON or STAR.' };
          options.model = model;
          break;
        }
        case '--width': {
          const width = Number(needValue());
          if (width !== 58 && width !== 80) return { ok: false, message: '--width takes 58 or 80.' };
          options.paperWidth = width;
          break;
        }
        case '--columns': {
          const columns = Number(needValue());
          if (!(COLUMNS_80MM as readonly number[]).includes(columns)) return { ok: false, message: '--columns takes 48 or 42 (80 mm paper).' };
          options.columns = columns;
          break;
        }
        case '--state': {
          const state = needValue();
          if (!isVirtualPrinterState(state)) return { ok: false, message: `--state takes one of: ${VIRTUAL_PRINTER_STATES.join(', ')}.` };
          options.state = state;
          break;
        }
        case '--close-after': {
          const bytes = Number(needValue());
          if (!Number.isInteger(bytes) || bytes < 1) return { ok: false, message: '--close-after takes a number of bytes (1 or more).' };
          options.closeAfterBytes = bytes;
          break;
        }
        case '--out':
          options.saveDir = needValue();
          break;
        case '--quiet':
          options.quiet = true;
          break;
        case '--help':
        case '-h':
          return { ok: false, message: USAGE };
        default:
          return { ok: false, message: `Unknown option ${flag}.\n${USAGE}` };
      }
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }
  if (options.paperWidth === 58 && options.columns !== undefined) return { ok: false, message: '--columns applies to 80 mm paper only (58 mm has 32).' };
  return { ok: true, options };
}

async function main(): Promise<void> {
  const parsed = parseVirtualPrinterArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    process.exitCode = 2;
    return;
  }
  const { options } = parsed;
  const printer = await startVirtualPrinter({
    port: options.port,
    model: options.model,
    paperWidth: options.paperWidth,
    ...(options.columns !== undefined ? { columns: options.columns } : {}),
    state: options.state,
    closeAfterBytes: options.closeAfterBytes,
    saveDir: options.saveDir,
    onJob: (job) => {
      const where = options.saveDir ? `, saved in ${options.saveDir}` : '';
      const problem = job.decodeError ? `, not read from offset ${job.decodeError.offset}` : '';
      process.stdout.write(`Job ${job.index}: ${job.outcome} (${job.bytes.length} bytes, printer ${job.stateAtReceipt}${problem})${where}\n`);
      if (!options.quiet) process.stdout.write(`${job.text.map((line) => `  | ${line}`).join('\n')}\n`);
    },
  });
  process.stdout.write(
    `Virtual printer listening on ${printer.host}:${printer.port} (${printer.model}, ${printer.paperWidth} mm, ${printer.columns} characters), state ${printer.state()}.\n`,
  );
  const stop = async () => {
    await printer.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  if (!process.stdin.isTTY && process.stdin.readableEnded) return;
  const input = readline.createInterface({ input: process.stdin });
  input.on('line', (raw) => {
    const [first = '', second] = raw.trim().split(/\s+/u);
    const command = first === 'state' && second ? second : first;
    if (command === '') return;
    if (isVirtualPrinterState(command)) {
      printer.setState(command);
      process.stdout.write(`State: ${command}.\n`);
    } else if (command === 'close-after' && second && Number.isInteger(Number(second)) && Number(second) > 0) {
      printer.setState(printer.state(), { closeAfterBytes: Number(second) });
      process.stdout.write(`close-mid-job now resets after ${second} bytes.\n`);
    } else if (command === 'jobs') {
      for (const job of printer.jobs()) process.stdout.write(`Job ${job.index}: ${job.outcome}, ${job.bytes.length} bytes, ${job.receivedAt}\n`);
    } else if (command === 'quit' || command === 'exit') {
      void stop();
    } else {
      process.stdout.write(`Type one of: ${VIRTUAL_PRINTER_STATES.join(', ')}, close-after <bytes>, jobs, quit.\n`);
    }
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const reason =
      code === 'EADDRINUSE'
        ? 'the port is already in use (another printer or virtual printer?); choose another with --port, or --port 0 for any free one'
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`The virtual printer could not start: ${reason}.\n`);
    process.exitCode = 1;
  });
}
