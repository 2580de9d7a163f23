import type { CategoryInfo } from '../../../shared/ipc/library-schemas';
import type { CustomerRow, CustomerSortColumn } from '../../../shared/ipc/parties-schemas';
import type { CustomerField } from '../../../shared/library/party-rules';
import { useTill } from '../../app/till-context';
import { useTillQuery, type ScreenState } from '../../bridge/hooks';
import { invoke } from '../../bridge/till';
import { usePicker, type PickerState } from '../../components/SearchPicker/usePicker';
import { loadDistricts } from '../picker-loads';
import { useMasterLibrary, type MasterLibrary } from '../useMasterLibrary';
import { checkCustomerDialog, editCustomerForm, newCustomerForm, type CustomerFormState } from './customer-form';

/** The Customer Library screen's state: the grid, the customer categories, the dialog in front and its district picker. */
export interface CustomerLibrary extends MasterLibrary<CustomerRow, CustomerSortColumn, CustomerFormState, CustomerField> {
  canEdit: boolean;
  categories: ScreenState<CategoryInfo[]>;
  reloadCategories(): void;
  districtPicker: PickerState;
}

export function describeCustomer(row: { customerNo: string; name: string }): string {
  return `the customer ${row.customerNo} (${row.name})`;
}

export function useCustomerLibrary(): CustomerLibrary {
  const { permissions } = useTill();
  const { state: categories, reload: reloadCategories } = useTillQuery('categories.list', {});
  const categoryIds = categories.kind === 'ready' ? categories.value.map((c) => c.id) : [];
  const districtPicker = usePicker({ load: loadDistricts });
  const library = useMasterLibrary<CustomerRow, CustomerSortColumn, CustomerFormState, CustomerField>({
    list: (request) => invoke('customers.list', request),
    newForm: newCustomerForm,
    editForm: editCustomerForm,
    check: (form) => {
      const checked = checkCustomerDialog(form, categoryIds);
      if (!checked.ok) return checked;
      const { create, update } = checked;
      return { ok: true, save: () => (update ? invoke('customers.update', update) : invoke('customers.create', create)) };
    },
    savedNotice: (row, mode) =>
      mode === 'new' ? `The customer ${row.customerNo} (${row.name}) was added.` : `The customer ${row.customerNo} (${row.name}) was saved (version ${row.version}).`,
    remove: (row) => invoke('customers.remove', { id: row.id, version: row.version }),
  });
  return { ...library, canEdit: permissions.has('customers.edit'), categories, reloadCategories, districtPicker };
}
