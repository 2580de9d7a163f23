import { useRef, useState } from 'react';
import type { ListResponse } from '../../../shared/ipc/list';
import type { Sale } from '../../../shared/ipc/vending-schemas';
import { useTillEvent } from '../../bridge/hooks';
import { invoke } from '../../bridge/till';
import { useLibraryGrid, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import { saveExport } from '../../advanced/AuditLog/save-export';
import { NO_FILTERS, searchRequest, type RecordFilterField, type RecordFilters } from './record-search';

/**
 * The Record screen's state: the search fields, the grid of sales (records.search, newest first, paged in main), the
 * reprint of the selected row (COPY) and the Excel export with its progress (records.export, `progress` events).
 */
export type RecordAction =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string; done: number; total: number }
  | { kind: 'done'; message: string; ok: boolean };

export interface RecordState {
  grid: LibraryGridState<Sale, never>;
  filters: RecordFilters;
  fieldError: { field: RecordFilterField; message: string } | null;
  action: RecordAction;
  setFilter(field: RecordFilterField, value: string): void;
  search(): void;
  reprint(): Promise<void>;
  exportExcel(): Promise<void>;
}

export function useRecord(): RecordState {
  const [filters, setFilters] = useState<RecordFilters>(NO_FILTERS);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const [fieldError, setFieldError] = useState<RecordState['fieldError']>(null);
  const [action, setAction] = useState<RecordAction>({ kind: 'idle' });
  const taskRef = useRef<string | null>(null);

  const grid = useLibraryGrid<Sale, never>({
    load: async (request) => {
      const built = searchRequest(filtersRef.current, request.search);
      if (!built.ok) {
        setFieldError({ field: built.field, message: built.message });
        return { ok: true, value: { rows: [], total: 0, page: 1, pageSize: request.pageSize, pageCount: 1 } satisfies ListResponse<Sale> };
      }
      setFieldError(null);
      return invoke('records.search', { ...built.request, page: request.page, pageSize: request.pageSize });
    },
  });

  useTillEvent('progress', (progress) => {
    if (progress.taskId !== taskRef.current) return;
    setAction({ kind: 'busy', what: 'Exporting to Excel…', done: progress.done, total: progress.total });
  });

  return {
    grid,
    filters,
    fieldError,
    action,
    setFilter(field, value) {
      setFilters((current) => ({ ...current, [field]: value }));
    },
    search() {
      grid.goToPage(1);
    },
    async reprint() {
      const sale = grid.selectedRow;
      if (!sale) return setAction({ kind: 'done', message: 'Choose a record first.', ok: false });
      setAction({ kind: 'busy', what: 'Printing a copy…', done: 0, total: 0 });
      const result = await invoke('records.reprint', { id: sale.id });
      if (!result.ok) return setAction({ kind: 'done', message: result.error.message, ok: false });
      setAction({
        kind: 'done',
        ok: true,
        message: result.value.printQueued
          ? `Receipt ${result.value.sale.receiptNo} was sent to the printer marked COPY.`
          : `Receipt ${result.value.sale.receiptNo} is a COPY; no printer is set up, so nothing was printed.`,
      });
    },
    async exportExcel() {
      const built = searchRequest(filtersRef.current, grid.searchText);
      if (!built.ok) return setFieldError({ field: built.field, message: built.message });
      const taskId = crypto.randomUUID();
      taskRef.current = taskId;
      setAction({ kind: 'busy', what: 'Exporting to Excel…', done: 0, total: 0 });
      const result = await invoke('records.export', { ...built.request, taskId });
      taskRef.current = null;
      if (!result.ok) return setAction({ kind: 'done', message: result.error.message, ok: false });
      saveExport(result.value);
      setAction({ kind: 'done', message: `${result.value.fileName}: ${result.value.rows} ${result.value.rows === 1 ? 'record' : 'records'} exported.`, ok: true });
    },
  };
}
