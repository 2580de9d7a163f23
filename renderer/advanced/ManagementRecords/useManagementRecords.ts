import { useState } from 'react';
import type { ManagementKind, ManagementRecord } from '../../../shared/ipc/advanced-schemas';
import { invoke } from '../../bridge/till';
import { useLibraryGrid, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import { saveExport } from '../AuditLog/save-export';

/** A record screen's state: the kind's records (newest first, search in main), Print of the chosen row, Export to Excel. */
export interface ManagementRecordsState {
  grid: LibraryGridState<ManagementRecord, 'createdAt'>;
  message: { text: string; ok: boolean } | null;
  print(): Promise<void>;
  exportExcel(): Promise<void>;
}

export function useManagementRecords(kind: ManagementKind): ManagementRecordsState {
  const grid = useLibraryGrid<ManagementRecord, 'createdAt'>({ load: (request) => invoke('advanced.records', { ...request, kind }) });
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  return {
    grid,
    message,
    async print() {
      const row = grid.selectedRow;
      if (!row) return setMessage({ text: 'Choose a record to print.', ok: false });
      const result = await invoke('advanced.reprint', { id: row.id });
      if (!result.ok) return setMessage({ text: result.error.message, ok: false });
      setMessage({ text: result.value.printQueued ? 'The receipt is printing (COPY).' : 'No printer is set up; nothing was printed.', ok: result.value.printQueued });
    },
    async exportExcel() {
      const result = await invoke('advanced.recordsExport', { kind, search: grid.searchText });
      if (!result.ok) return setMessage({ text: result.error.message, ok: false });
      saveExport(result.value);
      setMessage({ text: `${result.value.fileName}: ${result.value.rows} ${result.value.rows === 1 ? 'row' : 'rows'} exported.`, ok: true });
    },
  };
}
