import { currencyLabel } from '../../../shared/format/currencies';
import { formatAmountNumber } from '../../../shared/format/money';
import { METER_KIND_LABEL } from '../../../shared/format/units';
import type { CategoryInfo, PriceRow, PriceSortColumn } from '../../../shared/ipc/library-schemas';
import { formatPricePerUnit, formatRatePercent } from '../../../shared/money/decimal-text';
import type { ScreenState } from '../../bridge/hooks';
import type { GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import { activeColumn, versionColumn } from '../../components/LibraryGrid/master-columns';
import { LibraryScreenFrame, type LibraryViewProps } from '../../components/LibraryScreenFrame';
import { PriceDialog } from './PriceDialog';
import type { PriceFormState } from './price-form';
import type { PriceDialogState } from './usePriceLibrary';

/** The Price Library (props only): the grid with New, Edit and Remove, and its dialogs. */
export interface PriceLibraryViewProps extends LibraryViewProps<PriceRow, PriceSortColumn> {
  categories: ScreenState<CategoryInfo[]>;
  dialog: PriceDialogState;
  canEdit: boolean;
  currencyDisplay: Readonly<Record<string, string>>;
  onReloadCategories: () => void;
  onChange: (patch: Partial<PriceFormState>) => void;
  onSave: () => void;
}

const TAX_MODE_SHORT = { 'tax-inclusive': 'Tax-inclusive', 'vendor-compatible': 'Vendor-compatible' } as const;

export function PriceLibraryView(props: Readonly<PriceLibraryViewProps>) {
  const { dialog } = props;
  const columns: ReadonlyArray<GridColumn<PriceRow, PriceSortColumn>> = [
    { key: 'name', label: 'Name', sortKey: 'name', render: (p) => p.name },
    { key: 'meterType', label: 'Meter Type', sortKey: 'meterType', render: (p) => METER_KIND_LABEL[p.meterType] },
    { key: 'category', label: 'Category', sortKey: 'category', render: (p) => p.categoryName },
    { key: 'price', label: 'Price', sortKey: 'pricePerUnit', align: 'right', render: (p) => formatPricePerUnit(p.pricePerUnit) },
    { key: 'currency', label: 'Currency', sortKey: 'currency', render: (p) => currencyLabel(p.currency, props.currencyDisplay) },
    { key: 'tax', label: 'Tax (%)', align: 'right', render: (p) => formatRatePercent(p.vatBp) },
    { key: 'excise', label: 'Excise (%)', align: 'right', render: (p) => formatRatePercent(p.exciseBp) },
    { key: 'mode', label: 'Tax mode', render: (p) => TAX_MODE_SHORT[p.taxMode] },
    { key: 'min', label: 'Min purchase', align: 'right', render: (p) => formatAmountNumber(p.minPurchase, p.currency) },
    { key: 'max', label: 'Max purchase', align: 'right', render: (p) => (p.maxPurchase === null ? '' : formatAmountNumber(p.maxPurchase, p.currency)) },
    versionColumn(),
    activeColumn(),
  ];
  return (
    <LibraryScreenFrame
      view={props}
      label="Price Library"
      columns={columns}
      rowKey={(p) => p.id}
      canEdit={props.canEdit}
      lookup={{ state: props.categories, onRetry: props.onReloadCategories }}
      removeNote="A price that an account uses is kept and deactivated instead; sales keep the version they were sold at."
      removing={dialog.kind === 'remove' ? { what: `the price "${dialog.row.name}"`, problem: dialog.problem, busy: dialog.busy } : null}
    >
      {dialog.kind === 'form' ? (
        <PriceDialog
          form={dialog.form}
          errors={dialog.errors}
          problem={dialog.problem}
          busy={dialog.busy}
          categories={props.categories.kind === 'ready' ? props.categories.value : []}
          currencyDisplay={props.currencyDisplay}
          onChange={props.onChange}
          onSave={props.onSave}
          onCancel={props.onClose}
        />
      ) : null}
    </LibraryScreenFrame>
  );
}
