import type { ReactNode } from 'react';
import type { DistrictRow, DistrictSortColumn } from '../../../shared/ipc/parties-schemas';
import type { DistrictField } from '../../../shared/library/party-rules';
import { Message } from '../../components/Fields';
import { LibraryGrid, type GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import type { LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import { RemoveDialog } from '../../components/RemoveDialog';
import { ShowInactiveToggle } from '../../components/ShowInactiveToggle';
import type { MasterDialogState } from '../useMasterLibrary';
import { DistrictDialog } from './DistrictDialog';
import type { DistrictFormState } from './district-form';
import { describeDistrict } from './useDistrictLibrary';

/** The District Library (props only): the grid with New, Edit and Remove, "Show inactive", and its dialogs. */
export interface DistrictLibraryViewProps {
  /** The Excel Import / Export buttons (L3), rendered in the grid's toolbar. */
  excel?: ReactNode;
  grid: LibraryGridState<DistrictRow, DistrictSortColumn>;
  dialog: MasterDialogState<DistrictRow, DistrictFormState, DistrictField>;
  notice: string | null;
  canEdit: boolean;
  showInactive: boolean;
  onShowInactive: (show: boolean) => void;
  onNew: () => void;
  onEdit: () => void;
  onRemove: () => void;
  onClose: () => void;
  onChange: (patch: Partial<DistrictFormState>) => void;
  onSave: () => void;
  onConfirmRemove: () => void;
}

const COLUMNS: ReadonlyArray<GridColumn<DistrictRow, DistrictSortColumn>> = [
  { key: 'code', label: 'Code', sortKey: 'code', render: (d) => d.code },
  { key: 'name', label: 'Name', sortKey: 'name', render: (d) => d.name },
  { key: 'description', label: 'Description', render: (d) => d.description },
  { key: 'version', label: 'Version', align: 'right', render: (d) => String(d.version) },
  { key: 'active', label: 'Active', render: (d) => (d.active ? 'Yes' : <span className="badge badge-off">No</span>) },
];

export function DistrictLibraryView(props: Readonly<DistrictLibraryViewProps>) {
  const { grid, dialog } = props;
  return (
    <div className="screen">
      {props.notice ? <Message kind="notice">{props.notice}</Message> : null}
      <LibraryGrid
        label="District Library"
        columns={COLUMNS}
        rows={grid.rows}
        rowKey={(d) => d.id}
        total={grid.total}
        page={grid.page}
        pageSize={grid.pageSize}
        pageCount={grid.pageCount}
        sort={grid.sort}
        searchText={grid.searchText}
        loading={grid.loading}
        problem={grid.error?.message ?? null}
        selectedIndex={grid.selectedIndex}
        canEdit={props.canEdit}
        onSearchText={grid.setSearchText}
        onPage={grid.goToPage}
        onPageSize={grid.setPageSize}
        onSort={grid.toggleSort}
        onSelect={grid.select}
        onNew={props.onNew}
        onEdit={props.onEdit}
        onRemove={props.onRemove}
        onReload={grid.reload}
        extraActions={<><ShowInactiveToggle id="districts-show-inactive" checked={props.showInactive} onChange={props.onShowInactive} />{props.excel}</>}
      />
      {dialog.kind === 'form' ? (
        <DistrictDialog form={dialog.form} errors={dialog.errors} problem={dialog.problem} busy={dialog.busy} onChange={props.onChange} onSave={props.onSave} onCancel={props.onClose} />
      ) : null}
      {dialog.kind === 'remove' ? (
        <RemoveDialog
          what={describeDistrict(dialog.row)}
          note="A district that sales stations are in or customers live in is kept and deactivated instead."
          problem={dialog.problem}
          busy={dialog.busy}
          onConfirm={props.onConfirmRemove}
          onCancel={props.onClose}
        />
      ) : null}
    </div>
  );
}
