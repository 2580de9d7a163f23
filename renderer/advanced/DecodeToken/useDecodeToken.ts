import { useState } from 'react';
import type { DecodeResult } from '../../../shared/ipc/advanced-schemas';
import type { TopUpRow, TopUpSortColumn } from '../../../shared/ipc/parties-schemas';
import { invoke } from '../../bridge/till';
import { useLibraryGrid, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';

export interface DecodeTokenState {
  grid: LibraryGridState<TopUpRow, TopUpSortColumn>;
  token: string;
  result: DecodeResult | null;
  problem: string | null;
  busy: boolean;
  setToken(text: string): void;
  decode(): Promise<void>;
}

export function useDecodeToken(): DecodeTokenState {
  const grid = useLibraryGrid<TopUpRow, TopUpSortColumn>({ load: (request) => invoke('accounts.forTopUp', request) });
  const [token, setToken] = useState('');
  const [result, setResult] = useState<DecodeResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return {
    grid,
    token,
    result,
    problem,
    busy,
    setToken,
    async decode() {
      const row = grid.selectedRow;
      setResult(null);
      if (!row) return setProblem("Meter: choose the customer's row whose meter rejected the token.");
      if (token.replace(/[\s-]/g, '').length === 0) return setProblem('Token: paste the 20 digits.');
      setProblem(null);
      setBusy(true);
      const reply = await invoke('tokens.decode', { token, meterId: row.meterId });
      setBusy(false);
      if (!reply.ok) return setProblem(reply.error.message);
      setResult(reply.value);
    },
  };
}
