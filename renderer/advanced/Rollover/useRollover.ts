import { useState } from 'react';
import type { ManagementRecord, RolloverCandidate } from '../../../shared/ipc/advanced-schemas';
import { invoke } from '../../bridge/till';
import { useLibraryGrid, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';

/** The roll-over list's state: meters on base date 1993 or KRN 1; mark the chosen one pending, or issue its set now. */
export interface RolloverState {
  grid: LibraryGridState<RolloverCandidate, 'meterNo'>;
  message: { text: string; ok: boolean } | null;
  record: ManagementRecord | null;
  markPending(): Promise<void>;
  issueNow(): Promise<void>;
  closeReceipt(): void;
}

export function useRollover(): RolloverState {
  const grid = useLibraryGrid<RolloverCandidate, 'meterNo'>({ load: (request) => invoke('advanced.rolloverCandidates', request) });
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [record, setRecord] = useState<ManagementRecord | null>(null);
  const mark = async (row: RolloverCandidate): Promise<boolean> => {
    if (row.pending) return true;
    const result = await invoke('advanced.rolloverPending', { meterIds: [row.meterId] });
    if (!result.ok) {
      setMessage({ text: result.error.message, ok: false });
      return false;
    }
    return true;
  };
  return {
    grid,
    message,
    record,
    async markPending() {
      const row = grid.selectedRow;
      if (!row) return setMessage({ text: 'Choose a meter first.', ok: false });
      if (await mark(row)) setMessage({ text: `Meter ${row.meterNo} is pending: its next vend carries the key-change tokens.`, ok: true });
      grid.reload();
    },
    async issueNow() {
      const row = grid.selectedRow;
      if (!row) return setMessage({ text: 'Choose a meter first.', ok: false });
      if (!(await mark(row))) return;
      const result = await invoke('advanced.keyChange', { meterId: row.meterId, next: null, idempotencyKey: `a1-rollover-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}` });
      if (!result.ok) return setMessage({ text: result.error.message, ok: false });
      setMessage(null);
      setRecord(result.value.record);
      grid.reload();
    },
    closeReceipt() {
      setRecord(null);
    },
  };
}
