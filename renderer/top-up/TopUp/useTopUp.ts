import { useCallback, useReducer, useRef } from 'react';
import type { TopUpRow, TopUpSortColumn } from '../../../shared/ipc/parties-schemas';
import type { VendBy } from '../../../shared/ipc/vending-schemas';
import { invoke } from '../../bridge/till';
import { useLibraryGrid, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import { newIdempotencyKey, START, vendReducer, type VendStep } from './vend-flow';

/**
 * The Top-up Center's state: the accounts grid (accounts.forTopUp, search in main) and the vend's steps. The quote and
 * the confirm go to main; the receipt is the sale `vend.confirm` returned. A confirm already in flight ignores
 * another press (and the same request id would return the same sale anyway).
 */
export interface TopUpState {
  grid: LibraryGridState<TopUpRow, TopUpSortColumn>;
  step: VendStep;
  open(by: VendBy): void;
  setBy(by: VendBy): void;
  setAmount(amount: string): void;
  quote(): Promise<void>;
  setPaymentType(paymentType: string): void;
  toPassword(): void;
  setPassword(password: string): void;
  confirm(): Promise<void>;
  back(): void;
  refresh(): void;
}

export function useTopUp(paymentTypes: readonly string[]): TopUpState {
  const grid = useLibraryGrid<TopUpRow, TopUpSortColumn>({ load: (request) => invoke('accounts.forTopUp', request) });
  const [step, dispatch] = useReducer(vendReducer, START);
  const stepRef = useRef(step);
  stepRef.current = step;
  const inFlight = useRef(false);

  const open = useCallback(
    (by: VendBy) => {
      const row = grid.selectedRow;
      if (row) dispatch({ type: 'open', row, by });
    },
    [grid.selectedRow],
  );

  return {
    grid,
    step,
    open,
    setBy: (by) => dispatch({ type: 'by', by }),
    setAmount: (amount) => dispatch({ type: 'amount', amount }),
    async quote() {
      const current = stepRef.current;
      if (current.kind !== 'amount' || inFlight.current) return;
      inFlight.current = true;
      dispatch({ type: 'quoting' });
      try {
        const result = await invoke('vend.quote', { accountId: current.row.accountId, by: current.by, amount: current.amount });
        if (!result.ok) return dispatch({ type: 'failed', message: result.error.message });
        dispatch({ type: 'quoted', quote: result.value, paymentType: paymentTypes[0] ?? 'Cash', idempotencyKey: newIdempotencyKey() });
      } finally {
        inFlight.current = false;
      }
    },
    setPaymentType: (paymentType) => dispatch({ type: 'paymentType', paymentType }),
    toPassword: () => dispatch({ type: 'toPassword' }),
    setPassword: (password) => dispatch({ type: 'password', password }),
    async confirm() {
      const current = stepRef.current;
      if (current.kind !== 'password' || current.busy || inFlight.current) return;
      inFlight.current = true;
      dispatch({ type: 'confirming' });
      try {
        const result = await invoke('vend.confirm', {
          accountId: current.row.accountId,
          by: current.by,
          amount: current.amount,
          priceVersion: current.quote.priceVersion,
          paymentType: current.paymentType,
          vendPassword: current.password,
          idempotencyKey: current.idempotencyKey,
        });
        if (!result.ok) return dispatch({ type: 'failed', message: result.error.message });
        dispatch({ type: 'sold', sale: result.value.sale, replayed: result.value.replayed, printQueued: result.value.printQueued });
      } finally {
        inFlight.current = false;
      }
    },
    back: () => dispatch({ type: 'back' }),
    refresh: () => grid.reload(),
  };
}
