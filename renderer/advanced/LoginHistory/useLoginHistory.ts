import { useState } from 'react';
import type { LoginHistoryRow } from '../../../shared/ipc/advanced-schemas';
import { invoke } from '../../bridge/till';
import { useLibraryGrid, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import { saveExport } from '../AuditLog/save-export';

export interface LoginHistoryState {
  grid: LibraryGridState<LoginHistoryRow, 'time'>;
  message: { text: string; ok: boolean } | null;
  exportExcel(): Promise<void>;
}

export function useLoginHistory(): LoginHistoryState {
  const grid = useLibraryGrid<LoginHistoryRow, 'time'>({ load: (request) => invoke('loginHistory.list', request) });
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  return {
    grid,
    message,
    async exportExcel() {
      const result = await invoke('loginHistory.export', { search: grid.searchText });
      if (!result.ok) return setMessage({ text: result.error.message, ok: false });
      saveExport(result.value);
      setMessage({ text: `${result.value.fileName}: ${result.value.rows} ${result.value.rows === 1 ? 'row' : 'rows'} exported.`, ok: true });
    },
  };
}
