import type { FormEvent } from 'react';
import { formatUnits } from '../../../shared/format/units';
import type { Sale } from '../../../shared/ipc/vending-schemas';
import { formatPricePerUnit } from '../../../shared/money/decimal-text';
import { Message } from '../../components/Fields';
import { LibraryGrid, type GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import { gridStateProps, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import { groupToken } from '../TopUp/vend-flow';
import '../TopUp/top-up.css';
import type { RecordFilterField, RecordFilters } from './record-search';
import { tidDateText } from './record-search';
import type { RecordAction } from './useRecord';

/**
 * Top-up Center - Record (props only): every vend, newest first, found by customer no., meter no., token digits and
 * dates; Reload, Print (the selected sale again, marked COPY) and Export to Excel with its progress. It is how a
 * customer who lost the receipt gets the token again.
 */
export interface RecordViewProps {
  grid: LibraryGridState<Sale, never>;
  filters: RecordFilters;
  fieldError: { field: RecordFilterField; message: string } | null;
  action: RecordAction;
  canPrint: boolean;
  canExport: boolean;
  formatAmount: (minor: number, currency: string) => string;
  formatDateTime: (iso: string) => string;
  onFilter: (field: RecordFilterField, value: string) => void;
  onSearch: () => void;
  onPrint: () => void;
  onExport: () => void;
}

const FIELDS: ReadonlyArray<{ field: RecordFilterField; label: string; type: 'text' | 'date' }> = [
  { field: 'customerNo', label: 'Customer No.', type: 'text' },
  { field: 'meterNo', label: 'Meter No.', type: 'text' },
  { field: 'token', label: 'Token', type: 'text' },
  { field: 'from', label: 'From', type: 'date' },
  { field: 'to', label: 'To', type: 'date' },
];

function creditToken(sale: Sale): string {
  const credit = sale.tokens.filter((t) => t.role === 'credit');
  return (credit.length > 0 ? credit : sale.tokens).map((t) => groupToken(t.digits)).join(', ');
}

export function RecordView(props: Readonly<RecordViewProps>) {
  const { grid, action } = props;
  const busy = action.kind === 'busy';
  const columns: ReadonlyArray<GridColumn<Sale, never>> = [
    { key: 'customerNo', label: 'Customer No.', render: (s) => s.customerNo },
    { key: 'customerName', label: 'User Coder', render: (s) => s.customerName },
    { key: 'meterNo', label: 'Meter No.', render: (s) => s.meterNo },
    { key: 'price', label: 'Price', align: 'right', render: (s) => formatPricePerUnit(s.pricePerUnit) },
    { key: 'tax', label: 'Tax', align: 'right', render: (s) => props.formatAmount(s.vatMinor + s.exciseMinor, s.currency) },
    { key: 'units', label: 'Total Unit', align: 'right', render: (s) => formatUnits(s.unitsTenths, s.meterType) },
    { key: 'paid', label: 'Total Paid', align: 'right', render: (s) => props.formatAmount(s.paidMinor, s.currency) },
    { key: 'operator', label: 'Operator', render: (s) => s.operatorLoginId },
    { key: 'token', label: 'Token', render: (s) => <span className="record-token">{creditToken(s)}</span> },
    { key: 'tidDate', label: 'TID Date', render: (s) => tidDateText(s.tidDate) },
    { key: 'createDate', label: 'Create Date', render: (s) => props.formatDateTime(s.soldAt) },
  ];
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    props.onSearch();
  };
  const error = (field: RecordFilterField) => (props.fieldError?.field === field ? props.fieldError.message : undefined);
  return (
    <div className="screen record">
      <form className="record-search" role="search" aria-label="Search records" onSubmit={onSubmit}>
        {FIELDS.map(({ field, label, type }) => (
          <label key={field}>
            {label}
            <input
              type={type}
              value={props.filters[field]}
              aria-invalid={error(field) ? true : undefined}
              aria-describedby={error(field) ? `record-${field}-error` : undefined}
              onChange={(event) => props.onFilter(field, event.target.value)}
            />
            {error(field) ? (
              <span id={`record-${field}-error`} className="field-error">
                {error(field)}
              </span>
            ) : null}
          </label>
        ))}
        <button type="submit">Search</button>
      </form>
      {action.kind === 'busy' ? (
        <div className="record-progress" role="status">
          {action.what}
          {action.total > 0 ? (
            <progress aria-label="Export progress" max={action.total} value={action.done}>
              {action.done} of {action.total}
            </progress>
          ) : null}
        </div>
      ) : null}
      {action.kind === 'done' ? <Message kind={action.ok ? 'notice' : 'error'}>{action.message}</Message> : null}
      <LibraryGrid
        label="Record"
        readOnly
        columns={columns}
        {...gridStateProps(grid)}
        rowKey={(s) => s.id}
        sort={null}
        canEdit={false}
        onSort={() => undefined}
        onNew={() => undefined}
        onEdit={() => undefined}
        onRemove={() => undefined}
        extraActions={
          <>
            <button type="button" onClick={grid.reload} disabled={busy}>
              Reload
            </button>
            <button type="button" onClick={props.onPrint} disabled={busy || !props.canPrint || grid.selectedRow === null}>
              Print
            </button>
            <button type="button" onClick={props.onExport} disabled={busy || !props.canExport}>
              Export to Excel
            </button>
          </>
        }
      />
    </div>
  );
}
