import { verifyAuditChain } from '../services/audit-log';
import { EXIT, type CliCommand } from './cli-command';
import { dataDirOption, withLocalCore } from './cli-core';

/**
 * `audit verify`: walks the audit log's hash chain and its anchored head (architecture.md section 7). Prints
 * "Audit log OK: N rows." and exits 0, or names the first broken row and why (edited, deleted, inserted, truncated
 * tail) and exits 1. It only reads: the check itself adds no row.
 */
export const auditVerifyCommand: CliCommand = {
  words: ['audit', 'verify'],
  summary: 'Check the audit log\'s hash chain: OK with the row count, or the first broken row and the reason (exit 1).',
  usage: 'audit verify [--data-dir DIR (default TOKENTILL_DATA_DIR)]',
  async run(args, io) {
    const options = dataDirOption(args, io);
    if (!options.ok) return options.exit;
    const { dataDir } = options;
    const outcome = await withLocalCore(io, { dataDir, program: 'command line (npm run cli -- audit verify)' }, (core) => verifyAuditChain(core.database.sqlite));
    if (!outcome.ok) {
      io.stderr(outcome.message);
      return EXIT.failed;
    }
    const verdict = outcome.value;
    if (verdict.ok) {
      io.stdout(`Audit log OK: ${verdict.rows} ${verdict.rows === 1 ? 'row' : 'rows'}.`);
      return EXIT.ok;
    }
    io.stderr(`Audit log BROKEN at row ${verdict.brokenAtSeq}: ${verdict.reason} (${verdict.rows} rows read).`);
    return EXIT.failed;
  },
};
