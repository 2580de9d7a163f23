import { currencyLabel } from '../../../shared/format/currencies';
import { METER_KIND_LABEL } from '../../../shared/format/units';
import type { AccountPriceChoice, AccountRow, AccountSortColumn } from '../../../shared/ipc/parties-schemas';
import type { AccountField } from '../../../shared/library/party-rules';
import { formatPricePerUnit } from '../../../shared/money/decimal-text';
import type { ScreenState } from '../../bridge/hooks';
import type { GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import { activeColumn, versionColumn } from '../../components/LibraryGrid/master-columns';
import { LibraryScreenFrame, type LibraryViewProps } from '../../components/LibraryScreenFrame';
import type { PickerState } from '../../components/SearchPicker/usePicker';
import type { MasterDialogState } from '../useMasterLibrary';
import { AccountDialog } from './AccountDialog';
import { maxOverdraftText, type AccountFormState } from './account-form';

/** The Account Library (props only): accounts with their customer, meter, station and price; New, Edit, Remove. */
export interface AccountLibraryViewProps extends LibraryViewProps<AccountRow, AccountSortColumn> {
  dialog: MasterDialogState<AccountRow, AccountFormState, AccountField>;
  canEdit: boolean;
  showInactive: boolean;
  customerPicker: PickerState;
  meterPicker: PickerState;
  stationPicker: PickerState;
  priceChoices: ScreenState<AccountPriceChoice[]>;
  currencyDisplay: Readonly<Record<string, string>>;
  onShowInactive: (show: boolean) => void;
  onChange: (patch: Partial<AccountFormState>) => void;
  onSave: () => void;
}

/** Why an active account is not in the Top-up Center. */
function notListedBecause(a: AccountRow): string {
  const off = [!a.customerActive && 'customer', !a.meterActive && 'meter', !a.priceActive && 'price'].filter(Boolean).join(', ');
  return off === '' ? 'No' : `No (${off} inactive)`;
}

export function AccountLibraryView(props: Readonly<AccountLibraryViewProps>) {
  const { dialog } = props;
  const columns: ReadonlyArray<GridColumn<AccountRow, AccountSortColumn>> = [
    { key: 'accountNo', label: 'Account No.', sortKey: 'accountNo', render: (a) => a.accountNo },
    { key: 'customerNo', label: 'Customer No.', render: (a) => a.customerNo },
    { key: 'customerName', label: 'User Coder', render: (a) => a.customerName },
    { key: 'meterNo', label: 'Meter No.', render: (a) => a.meterNo },
    { key: 'meterType', label: 'Meter Type', render: (a) => METER_KIND_LABEL[a.meterType] },
    { key: 'station', label: 'Sales Station', render: (a) => a.salesStationCode },
    { key: 'price', label: 'Price', render: (a) => `${a.priceName} (${formatPricePerUnit(a.pricePerUnit)} ${currencyLabel(a.currency, props.currencyDisplay)})` },
    { key: 'overdraft', label: 'Max Overdraft', render: (a) => (a.maxOverdraftTenths === null ? '' : maxOverdraftText(a.maxOverdraftTenths, a.meterType)) },
    { key: 'topUp', label: 'In Top-up', render: (a) => (a.listed ? 'Yes' : a.active ? <span className="badge">{notListedBecause(a)}</span> : 'No') },
    versionColumn(),
    activeColumn(),
  ];
  return (
    <LibraryScreenFrame
      view={props}
      label="Account Library"
      columns={columns}
      rowKey={(a) => a.id}
      canEdit={props.canEdit}
      showInactive={{ id: 'accounts-show-inactive', checked: props.showInactive, onChange: props.onShowInactive }}
      removeNote="An account with sales or tokens is kept and deactivated instead; its records keep pointing at it."
      removing={dialog.kind === 'remove' ? { what: `account ${dialog.row.accountNo}`, problem: dialog.problem, busy: dialog.busy } : null}
    >
      {dialog.kind === 'form' ? (
        <AccountDialog
          form={dialog.form}
          errors={dialog.errors}
          problem={dialog.problem}
          busy={dialog.busy}
          customerPicker={props.customerPicker}
          meterPicker={props.meterPicker}
          stationPicker={props.stationPicker}
          priceChoices={props.priceChoices}
          currencyDisplay={props.currencyDisplay}
          onChange={props.onChange}
          onSave={props.onSave}
          onCancel={props.onClose}
        />
      ) : null}
    </LibraryScreenFrame>
  );
}
