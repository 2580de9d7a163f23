import type { CategoryInfo } from '../../../shared/ipc/library-schemas';
import type { CustomerRow, CustomerSortColumn } from '../../../shared/ipc/parties-schemas';
import type { CustomerField } from '../../../shared/library/party-rules';
import type { ScreenState } from '../../bridge/hooks';
import type { GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import { activeColumn, versionColumn } from '../../components/LibraryGrid/master-columns';
import { LibraryScreenFrame, type LibraryViewProps } from '../../components/LibraryScreenFrame';
import type { PickerState } from '../../components/SearchPicker/usePicker';
import { districtLabel } from '../picker-loads';
import type { MasterDialogState } from '../useMasterLibrary';
import { CustomerDialog } from './CustomerDialog';
import type { CustomerFormState } from './customer-form';
import { describeCustomer } from './useCustomerLibrary';

/** The Customer Library (props only): "Customer No. | User Coder | ..." with New, Edit, Remove and "Show inactive". */
export interface CustomerLibraryViewProps extends LibraryViewProps<CustomerRow, CustomerSortColumn> {
  dialog: MasterDialogState<CustomerRow, CustomerFormState, CustomerField>;
  canEdit: boolean;
  showInactive: boolean;
  categories: ScreenState<CategoryInfo[]>;
  districtPicker: PickerState;
  onShowInactive: (show: boolean) => void;
  onReloadCategories: () => void;
  onChange: (patch: Partial<CustomerFormState>) => void;
  onSave: () => void;
}

const COLUMNS: ReadonlyArray<GridColumn<CustomerRow, CustomerSortColumn>> = [
  { key: 'customerNo', label: 'Customer No.', sortKey: 'customerNo', render: (c) => c.customerNo },
  { key: 'name', label: 'User Coder', sortKey: 'name', render: (c) => c.name },
  { key: 'phone', label: 'Phone', render: (c) => c.phone },
  { key: 'email', label: 'Email', render: (c) => c.email },
  { key: 'address', label: 'Address', render: (c) => c.address },
  { key: 'identityNo', label: 'Identity No.', render: (c) => c.identityNo },
  { key: 'category', label: 'Category', render: (c) => c.categoryName },
  { key: 'district', label: 'District', render: (c) => districtLabel({ code: c.districtCode, name: c.districtName }) },
  versionColumn(),
  activeColumn(),
];

export function CustomerLibraryView(props: Readonly<CustomerLibraryViewProps>) {
  const { dialog } = props;
  return (
    <LibraryScreenFrame
      view={props}
      label="Customer Library"
      columns={COLUMNS}
      rowKey={(c) => c.id}
      canEdit={props.canEdit}
      lookup={{ state: props.categories, onRetry: props.onReloadCategories }}
      showInactive={{ id: 'customers-show-inactive', checked: props.showInactive, onChange: props.onShowInactive }}
      removeNote="A customer with accounts is kept and deactivated instead: its accounts stay, and leave the Top-up Center while it is inactive."
      removing={dialog.kind === 'remove' ? { what: describeCustomer(dialog.row), problem: dialog.problem, busy: dialog.busy } : null}
    >
      {dialog.kind === 'form' ? (
        <CustomerDialog
          form={dialog.form}
          errors={dialog.errors}
          problem={dialog.problem}
          busy={dialog.busy}
          categories={props.categories.kind === 'ready' ? props.categories.value : []}
          districtPicker={props.districtPicker}
          onChange={props.onChange}
          onSave={props.onSave}
          onCancel={props.onClose}
        />
      ) : null}
    </LibraryScreenFrame>
  );
}
