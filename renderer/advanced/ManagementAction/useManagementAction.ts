import { useState } from 'react';
import type { ManagementRecord, OverdraftSupport } from '../../../shared/ipc/advanced-schemas';
import type { TopUpRow, TopUpSortColumn } from '../../../shared/ipc/parties-schemas';
import { invoke } from '../../bridge/till';
import { useLibraryGrid, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';

/** The account-based actions of the Advanced Center (the seed's flow: choose the row, confirm, Generate, receipt). */
export type AccountActionKind = 'clearTamper' | 'clearCredit' | 'setMaxPower' | 'setMaxOverdraft' | 'keyChange' | 'meterTest';

/** The Key Change dialog's fields, as typed. */
export type KeyForm = { sgc: string; ti: string; krn: string; keyType: string; baseYear: string };
const EMPTY_KEY: KeyForm = { sgc: '', ti: '', krn: '', keyType: '', baseYear: '' };

export type ActionStep =
  | { kind: 'choose' }
  | { kind: 'confirm'; row: TopUpRow; problem: string | null; busy: boolean }
  | { kind: 'receipt'; record: ManagementRecord; message: string | null };

export interface ManagementActionState {
  grid: LibraryGridState<TopUpRow, TopUpSortColumn>;
  step: ActionStep;
  value: string;
  support: OverdraftSupport | null;
  problem: string | null;
  keyForm: KeyForm;
  setKeyForm(form: KeyForm): void;
  setValue(text: string): void;
  open(): void;
  cancel(): void;
  generate(): Promise<void>;
  print(): Promise<void>;
}

function requestId(): string {
  return `a1-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export function useManagementAction(kind: AccountActionKind): ManagementActionState {
  const grid = useLibraryGrid<TopUpRow, TopUpSortColumn>({ load: (request) => invoke('accounts.forTopUp', request) });
  const [step, setStep] = useState<ActionStep>({ kind: 'choose' });
  const [value, setValue] = useState('');
  const [support, setSupport] = useState<OverdraftSupport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [key, setKey] = useState(requestId);
  const [keyForm, setKeyForm] = useState<KeyForm>(EMPTY_KEY);

  const call = (row: TopUpRow) => {
    switch (kind) {
      case 'clearTamper':
        return invoke('advanced.clearTamper', { accountId: row.accountId, idempotencyKey: key });
      case 'clearCredit':
        return invoke('advanced.clearCredit', { accountId: row.accountId, idempotencyKey: key });
      case 'setMaxPower':
        return invoke('advanced.setMaxPower', { accountId: row.accountId, watts: Number.parseInt(value, 10), idempotencyKey: key });
      case 'setMaxOverdraft':
        return invoke('advanced.setMaxOverdraft', { accountId: row.accountId, overdraft: value, idempotencyKey: key });
      case 'meterTest':
        return invoke('advanced.testToken', { meterId: row.meterId, control: 1, idempotencyKey: key });
      case 'keyChange': {
        const baseYear = Number.parseInt(keyForm.baseYear, 10);
        return invoke('advanced.keyChange', {
          meterId: row.meterId,
          next: {
            sgc: keyForm.sgc.trim(),
            ti: Number.parseInt(keyForm.ti, 10),
            krn: Number.parseInt(keyForm.krn, 10),
            keyType: Number.parseInt(keyForm.keyType, 10),
            baseYear: baseYear === 1993 || baseYear === 2035 ? baseYear : 2014,
          },
          idempotencyKey: key,
        });
      }
    }
  };

  return {
    grid,
    step,
    value,
    support,
    problem,
    keyForm,
    setKeyForm,
    setValue,
    open() {
      const row = grid.selectedRow;
      if (!row) return setProblem('Choose the customer\'s row first.');
      setProblem(null);
      setSupport(null);
      setKey(requestId());
      if (kind === 'setMaxOverdraft') {
        void invoke('advanced.overdraftSupport', { accountId: row.accountId }).then((result) => {
          if (result.ok) setSupport(result.value);
          else setProblem(result.error.message);
        });
      }
      if (kind === 'keyChange') {
        setKeyForm(EMPTY_KEY);
        void invoke('meters.get', { id: row.meterId }).then((result) => {
          if (!result.ok) return setProblem(result.error.message);
          const keys = result.value.pendingKeys ?? result.value.keys;
          if (keys) setKeyForm({ sgc: keys.sgc, ti: String(keys.ti), krn: String(result.value.pendingKeys ? keys.krn : Math.min(9, keys.krn + 1)), keyType: String(keys.keyType), baseYear: String(keys.baseYear === 1993 ? 2014 : keys.baseYear) });
        });
      }
      setStep({ kind: 'confirm', row, problem: null, busy: false });
    },
    cancel() {
      setStep({ kind: 'choose' });
    },
    async generate() {
      if (step.kind !== 'confirm') return;
      if ((kind === 'setMaxPower' && !/^\d{1,7}$/.test(value)) || (kind === 'setMaxOverdraft' && !/^\d{1,7}(\.\d)?$/.test(value))) {
        return setStep({ ...step, problem: kind === 'setMaxPower' ? 'Max Power: type the limit in whole watts.' : 'Max Overdraft: type a number of units with at most one decimal.' });
      }
      setStep({ ...step, busy: true, problem: null });
      const result = await call(step.row);
      if (!result.ok) return setStep({ ...step, busy: false, problem: result.error.message });
      setStep({ kind: 'receipt', record: result.value.record, message: result.value.printQueued ? 'The receipt is printing.' : null });
    },
    async print() {
      if (step.kind !== 'receipt') return;
      const result = await invoke('print.record', { id: step.record.id });
      if (!result.ok) return setStep({ ...step, message: result.error.message });
      const { job } = result.value;
      setStep({ ...step, message: job.state === 'confirmed' ? 'The receipt printed.' : (job.lastError?.message ?? 'The receipt was sent to the printer.') });
    },
  };
}
