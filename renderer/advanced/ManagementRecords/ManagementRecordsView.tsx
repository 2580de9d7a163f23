import type { ManagementKind, ManagementRecord } from '../../../shared/ipc/advanced-schemas';
import { MANAGEMENT_KIND_LABEL } from '../../../shared/ipc/advanced-schemas';
import { Message } from '../../components/Fields';
import { LibraryGrid, type GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import type { LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import { formatToken } from '../ManagementAction/ManagementReceipt';

export interface ManagementRecordsViewProps {
  kind: ManagementKind;
  grid: LibraryGridState<ManagementRecord, 'createdAt'>;
  message: { text: string; ok: boolean } | null;
  formatDateTime: (iso: string) => string;
  onPrint: () => void;
  onExport: () => void;
}

/** Advanced Center - <kind> Record (props only): the seed's columns with Reload, Print and Export to Excel. */
export function ManagementRecordsView(props: Readonly<ManagementRecordsViewProps>) {
  const { grid } = props;
  const columns: ReadonlyArray<GridColumn<ManagementRecord, 'createdAt'>> = [
    { key: 'customerNo', label: 'Customer No.', render: (r) => r.customerNo ?? '' },
    { key: 'customerName', label: 'User Coder', render: (r) => r.customerName ?? '' },
    { key: 'meterNo', label: 'Meter No.', render: (r) => r.meterNo },
    { key: 'value', label: 'Value', render: (r) => r.valueText ?? '' },
    { key: 'operator', label: 'Operator', render: (r) => r.operatorLoginId },
    { key: 'token', label: 'Token', render: (r) => r.tokens.map(formatToken).join(' / ') },
    { key: 'tidDate', label: 'TID Date', render: (r) => r.tidDate ?? '' },
    { key: 'createdAt', label: 'Create Date', sortKey: 'createdAt', render: (r) => props.formatDateTime(r.createdAt) },
  ];
  return (
    <div className="screen">
      {props.message ? <Message kind={props.message.ok ? 'notice' : 'error'}>{props.message.text}</Message> : null}
      <LibraryGrid
        label={`${MANAGEMENT_KIND_LABEL[props.kind]} Record`}
        readOnly
        columns={columns}
        rows={grid.rows}
        rowKey={(r) => r.id}
        total={grid.total}
        page={grid.page}
        pageSize={grid.pageSize}
        pageCount={grid.pageCount}
        sort={grid.sort}
        searchText={grid.searchText}
        loading={grid.loading}
        problem={grid.error?.message ?? null}
        selectedIndex={grid.selectedIndex}
        canEdit={false}
        onSearchText={grid.setSearchText}
        onPage={grid.goToPage}
        onPageSize={grid.setPageSize}
        onSort={grid.toggleSort}
        onSelect={grid.select}
        onNew={() => undefined}
        onEdit={() => undefined}
        onRemove={() => undefined}
        onReload={grid.reload}
        extraActions={
          <>
            <button type="button" onClick={props.onPrint} disabled={grid.selectedRow === null}>Print</button>
            <button type="button" onClick={props.onExport}>Export to Excel</button>
          </>
        }
      />
    </div>
  );
}
