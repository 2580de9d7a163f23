// Test helper: the licensed production STA tables, when TOKENTILL_STA_TABLES names a file whose fingerprints verify.
// The tables are never in the repository; without them the production-table vectors are reported as skipped.
import { readFileSync } from 'node:fs';
import { classifyStaTables, parseStaTables, type StaTables } from '../../../../electron/sts/sta-tables';

function load(): StaTables | null {
  const path = process.env.TOKENTILL_STA_TABLES;
  if (!path) return null;
  const parsed = parseStaTables(readFileSync(path, 'utf8'));
  if (!parsed.ok || classifyStaTables(parsed.value) !== 'production (verified)') return null;
  return parsed.value;
}

export const productionTables = load();
