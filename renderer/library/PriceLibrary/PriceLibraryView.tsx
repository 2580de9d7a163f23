import type { ReactNode } from 'react';
import { currencyLabel } from '../../../shared/format/currencies';
import { formatAmountNumber } from '../../../shared/format/money';
import { METER_KIND_LABEL } from '../../../shared/format/units';
import type { CategoryInfo, PriceRow, PriceSortColumn } from '../../../shared/ipc/library-schemas';
import { formatPricePerUnit, formatRatePercent } from '../../../shared/money/decimal-text';
import type { ScreenState } from '../../bridge/hooks';
import { Message } from '../../components/Fields';
import { LibraryGrid, type GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import type { LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import { RemoveDialog } from '../../components/RemoveDialog';
import { ScreenProblem } from '../../components/ScreenProblem';
import { PriceDialog } from './PriceDialog';
import type { PriceFormState } from './price-form';
import type { PriceDialogState } from './usePriceLibrary';

/** The Price Library (props only): the grid with New, Edit and Remove, and its dialogs. */
export interface PriceLibraryViewProps {
  /** The Excel Import / Export buttons (L3), rendered in the grid's toolbar. */
  excel?: ReactNode;
  grid: LibraryGridState<PriceRow, PriceSortColumn>;
  categories: ScreenState<CategoryInfo[]>;
  dialog: PriceDialogState;
  notice: string | null;
  canEdit: boolean;
  currencyDisplay: Readonly<Record<string, string>>;
  onNew: () => void;
  onEdit: () => void;
  onRemove: () => void;
  onClose: () => void;
  onReloadCategories: () => void;
  onChange: (patch: Partial<PriceFormState>) => void;
  onSave: () => void;
  onConfirmRemove: () => void;
}

const TAX_MODE_SHORT = { 'tax-inclusive': 'Tax-inclusive', 'vendor-compatible': 'Vendor-compatible' } as const;

export function PriceLibraryView(props: Readonly<PriceLibraryViewProps>) {
  const { grid, dialog } = props;
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
    { key: 'version', label: 'Version', align: 'right', render: (p) => String(p.version) },
    { key: 'active', label: 'Active', render: (p) => (p.active ? 'Yes' : <span className="badge badge-off">No</span>) },
  ];
  return (
    <div className="screen">
      {props.categories.kind === 'offline' || props.categories.kind === 'error' ? <ScreenProblem state={props.categories} onRetry={props.onReloadCategories} /> : null}
      {props.notice ? <Message kind="notice">{props.notice}</Message> : null}
      <LibraryGrid
        label="Price Library"
        extraActions={props.excel}
        columns={columns}
        rows={grid.rows}
        rowKey={(p) => p.id}
        total={grid.total}
        page={grid.page}
        pageSize={grid.pageSize}
        pageCount={grid.pageCount}
        sort={grid.sort}
        searchText={grid.searchText}
        loading={grid.loading}
        problem={grid.error?.message ?? null}
        selectedIndex={grid.selectedIndex}
        canEdit={props.canEdit && props.categories.kind === 'ready'}
        onSearchText={grid.setSearchText}
        onPage={grid.goToPage}
        onPageSize={grid.setPageSize}
        onSort={grid.toggleSort}
        onSelect={grid.select}
        onNew={props.onNew}
        onEdit={props.onEdit}
        onRemove={props.onRemove}
        onReload={grid.reload}
      />
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
      {dialog.kind === 'remove' ? (
        <RemoveDialog
          what={`the price "${dialog.row.name}"`}
          note="A price that an account uses is kept and deactivated instead; sales keep the version they were sold at."
          problem={dialog.problem}
          busy={dialog.busy}
          onConfirm={props.onConfirmRemove}
          onCancel={props.onClose}
        />
      ) : null}
    </div>
  );
}
