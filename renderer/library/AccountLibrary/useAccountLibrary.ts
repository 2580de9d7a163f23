import { useEffect, useState } from 'react';
import type { AccountPriceChoice, AccountRow, AccountSortColumn } from '../../../shared/ipc/parties-schemas';
import type { AccountField } from '../../../shared/library/party-rules';
import { useTill } from '../../app/till-context';
import { stateOfFailure, useTillQuery, type ScreenState } from '../../bridge/hooks';
import { invoke } from '../../bridge/till';
import { usePicker, type PickerState } from '../../components/SearchPicker/usePicker';
import { loadCustomers, loadMeters, loadStations } from '../picker-loads';
import { useMasterLibrary, type MasterLibrary } from '../useMasterLibrary';
import { checkAccountDialog, editAccountForm, newAccountForm, type AccountFormState } from './account-form';

/**
 * The Account Library screen's state: the grid, the dialog in front with its customer, meter and station pickers, and
 * the prices main offers for the chosen meter and customer (their type and category).
 */
export interface AccountLibrary extends MasterLibrary<AccountRow, AccountSortColumn, AccountFormState, AccountField> {
  canEdit: boolean;
  customerPicker: PickerState;
  meterPicker: PickerState;
  stationPicker: PickerState;
  priceChoices: ScreenState<AccountPriceChoice[]>;
}

export function useAccountLibrary(): AccountLibrary {
  const { permissions } = useTill();
  const customerPicker = usePicker({ load: loadCustomers });
  const meterPicker = usePicker({ load: loadMeters });
  const stationPicker = usePicker({ load: loadStations });
  // A new account belongs to this terminal's station unless the operator picks another.
  const { state: stations } = useTillQuery('stations.list', { pageSize: 100 });
  const terminalStation = stations.kind === 'ready' ? (stations.value.rows.find((s) => s.thisTerminal) ?? null) : null;
  const library = useMasterLibrary<AccountRow, AccountSortColumn, AccountFormState, AccountField>({
    list: (request) => invoke('accounts.list', request),
    newForm: () => newAccountForm(terminalStation),
    editForm: editAccountForm,
    check: (form) => {
      const checked = checkAccountDialog(form);
      if (!checked.ok) return checked;
      const { create, update } = checked;
      return { ok: true, save: () => (update ? invoke('accounts.update', update) : invoke('accounts.create', create)) };
    },
    savedNotice: (row, mode) =>
      mode === 'new'
        ? `Account ${row.accountNo} was opened for customer ${row.customerNo} (${row.customerName}) and meter ${row.meterNo}.`
        : `Account ${row.accountNo} was saved (version ${row.version}).`,
    remove: (row) => invoke('accounts.remove', { id: row.id, version: row.version }),
  });

  const form = library.dialog.kind === 'form' ? library.dialog.form : null;
  const customerId = form?.customerId ?? '';
  const meterId = form?.meterId ?? '';
  const [priceChoices, setPriceChoices] = useState<ScreenState<AccountPriceChoice[]>>({ kind: 'idle' });
  const { change } = library;
  useEffect(() => {
    if (customerId === '' || meterId === '') {
      setPriceChoices({ kind: 'idle' });
      return;
    }
    let current = true;
    setPriceChoices({ kind: 'loading' });
    void invoke('accounts.priceChoices', { customerId, meterId }).then((result) => {
      if (!current) return;
      setPriceChoices(result.ok ? { kind: 'ready', value: result.value } : stateOfFailure(result.error));
    });
    return () => {
      current = false;
    };
  }, [customerId, meterId]);

  // The one price that fits is chosen for the operator; a price that no longer fits is cleared (an edited account keeps
  // the price it was saved with until the operator changes it: main then says why it does not fit, if it does not).
  const choices = priceChoices.kind === 'ready' ? priceChoices.value : null;
  const priceId = form?.priceId ?? '';
  const savedPriceId = form?.savedPriceId ?? null;
  useEffect(() => {
    if (choices === null) return;
    if (priceId !== '' && (priceId === savedPriceId || choices.some((p) => p.id === priceId))) return;
    const only = choices.length === 1 ? choices[0] : undefined;
    if (only) change({ priceId: only.id, priceLabel: only.name });
    else if (priceId !== '') change({ priceId: '', priceLabel: '' });
  }, [choices, priceId, savedPriceId, change]);

  return { ...library, canEdit: permissions.has('accounts.edit'), customerPicker, meterPicker, stationPicker, priceChoices };
}
