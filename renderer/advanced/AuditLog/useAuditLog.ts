import { useState } from 'react';
import type { AuditRowView, AuditSortColumn, AuditVerdictView } from '../../../shared/ipc/access-schemas';
import { invoke } from '../../bridge/till';
import { useLibraryGrid, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import { saveExport } from './save-export';

/** The Audit log screen's state: the grid (newest first, search in main), the last verification, exports. */
export type AuditAction = { kind: 'idle' } | { kind: 'busy'; what: string } | { kind: 'done'; message: string; ok: boolean };

export interface AuditLogState {
  grid: LibraryGridState<AuditRowView, AuditSortColumn>;
  verdict: AuditVerdictView | null;
  action: AuditAction;
  verify(): Promise<void>;
  exportAs(format: 'csv' | 'xlsx'): Promise<void>;
}

export function useAuditLog(): AuditLogState {
  const grid = useLibraryGrid<AuditRowView, AuditSortColumn>({ load: (request) => invoke('audit.list', request), initialSort: { column: 'seq', direction: 'desc' } });
  const [verdict, setVerdict] = useState<AuditVerdictView | null>(null);
  const [action, setAction] = useState<AuditAction>({ kind: 'idle' });
  return {
    grid,
    verdict,
    action,
    async verify() {
      setAction({ kind: 'busy', what: 'Verifying the audit log…' });
      const result = await invoke('audit.verify', {});
      if (!result.ok) return setAction({ kind: 'done', message: result.error.message, ok: false });
      setVerdict(result.value);
      setAction({ kind: 'idle' });
      grid.reload();
    },
    async exportAs(format) {
      setAction({ kind: 'busy', what: 'Preparing the export…' });
      const result = await invoke('audit.export', { format, search: grid.searchText });
      if (!result.ok) return setAction({ kind: 'done', message: result.error.message, ok: false });
      saveExport(result.value);
      setAction({ kind: 'done', message: `${result.value.fileName}: ${result.value.rows} ${result.value.rows === 1 ? 'row' : 'rows'} exported.`, ok: true });
      grid.reload();
    },
  };
}
