import type { ReactNode } from 'react';
import { METER_KIND_LABEL } from '../../../shared/format/units';
import type { MeterRow, MeterSortColumn, ProfileInfo } from '../../../shared/ipc/library-schemas';
import { describeKeyParams } from '../../../shared/library/key-params';
import { Message } from '../../components/Fields';
import { LibraryGrid, type GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import type { LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import { RemoveDialog } from '../../components/RemoveDialog';
import { ScreenProblem } from '../../components/ScreenProblem';
import type { ScreenState } from '../../bridge/hooks';
import { MeterDialog } from './MeterDialog';
import { MeterRangeDialog } from './MeterRangeDialog';
import { rangePreview, type MeterForm, type RangeForm } from './meter-form';
import type { MeterDialogState } from './useMeterLibrary';
import type { MeterKind } from '../../../shared/format/units';

/** The Meter Library (props only): the grid "Id | Type | ..." with New, Edit, Remove and New range, and its dialogs. */
export interface MeterLibraryViewProps {
  /** The Excel Import / Export buttons (L3), rendered in the grid's toolbar. */
  excel?: ReactNode;
  grid: LibraryGridState<MeterRow, MeterSortColumn>;
  profiles: ScreenState<ProfileInfo[]>;
  dialog: MeterDialogState;
  notice: string | null;
  canEdit: boolean;
  onNew: () => void;
  onEdit: () => void;
  onRange: () => void;
  onRemove: () => void;
  onClose: () => void;
  onReloadProfiles: () => void;
  onForm: (patch: Partial<MeterForm>) => void;
  onFormType: (type: MeterKind) => void;
  onFormProfile: (id: string) => void;
  onSave: () => void;
  onRangeChange: (patch: Partial<RangeForm>) => void;
  onRangeType: (type: MeterKind) => void;
  onRangeProfile: (id: string) => void;
  onSaveRange: () => void;
  onConfirmRemove: () => void;
}

const COLUMNS: ReadonlyArray<GridColumn<MeterRow, MeterSortColumn>> = [
  { key: 'meterNo', label: 'Id', sortKey: 'meterNo', render: (m) => m.meterNo },
  { key: 'meterType', label: 'Type', sortKey: 'meterType', render: (m) => METER_KIND_LABEL[m.meterType] },
  { key: 'profile', label: 'Model', render: (m) => m.profileName },
  { key: 'sgc', label: 'SGC', render: (m) => m.keys?.sgc ?? '' },
  { key: 'krn', label: 'KRN', align: 'right', render: (m) => (m.keys ? String(m.keys.krn) : '') },
  { key: 'ti', label: 'TI', align: 'right', render: (m) => (m.keys ? String(m.keys.ti).padStart(2, '0') : '') },
  { key: 'baseDate', label: 'Base date', render: (m) => (m.keys ? String(m.keys.baseYear) : '') },
  {
    key: 'pending',
    label: 'Pending key',
    render: (m) =>
      m.pendingKeys ? (
        <span className="badge" title={describeKeyParams(m.pendingKeys)}>
          pending: KRN {m.pendingKeys.krn}, SGC {m.pendingKeys.sgc}
        </span>
      ) : m.kit ? (
        m.kit.secretSet ? 'kit secret stored' : <span className="badge">no kit secret</span>
      ) : (
        ''
      ),
  },
  { key: 'active', label: 'Active', render: (m) => (m.active ? 'Yes' : <span className="badge badge-off">No</span>) },
];

export function MeterLibraryView(props: Readonly<MeterLibraryViewProps>) {
  const { grid, dialog } = props;
  const profiles = props.profiles.kind === 'ready' ? props.profiles.value : [];
  return (
    <div className="screen">
      {props.profiles.kind === 'offline' || props.profiles.kind === 'error' ? <ScreenProblem state={props.profiles} onRetry={props.onReloadProfiles} /> : null}
      {props.notice ? <Message kind="notice">{props.notice}</Message> : null}
      <LibraryGrid
        label="Meter Library"
        columns={COLUMNS}
        rows={grid.rows}
        rowKey={(m) => m.id}
        total={grid.total}
        page={grid.page}
        pageSize={grid.pageSize}
        pageCount={grid.pageCount}
        sort={grid.sort}
        searchText={grid.searchText}
        loading={grid.loading}
        problem={grid.error?.message ?? null}
        selectedIndex={grid.selectedIndex}
        canEdit={props.canEdit && props.profiles.kind === 'ready'}
        onSearchText={grid.setSearchText}
        onPage={grid.goToPage}
        onPageSize={grid.setPageSize}
        onSort={grid.toggleSort}
        onSelect={grid.select}
        onNew={props.onNew}
        onEdit={props.onEdit}
        onRemove={props.onRemove}
        onReload={grid.reload}
        extraActions={
          <>
            <button type="button" onClick={props.onRange} disabled={!props.canEdit || props.profiles.kind !== 'ready'}>
              New range
            </button>
            {props.excel}
          </>
        }
      />
      {dialog.kind === 'form' ? (
        <MeterDialog
          form={dialog.form}
          errors={dialog.errors}
          problem={dialog.problem}
          busy={dialog.busy}
          profiles={profiles}
          onChange={props.onForm}
          onType={props.onFormType}
          onProfile={props.onFormProfile}
          onSave={props.onSave}
          onCancel={props.onClose}
        />
      ) : null}
      {dialog.kind === 'range' ? (
        <MeterRangeDialog
          form={dialog.form}
          errors={dialog.errors}
          problem={dialog.problem}
          busy={dialog.busy}
          existing={dialog.existing}
          preview={rangePreview(dialog.form, profiles)}
          profiles={profiles}
          onChange={props.onRangeChange}
          onType={props.onRangeType}
          onProfile={props.onRangeProfile}
          onSave={props.onSaveRange}
          onCancel={props.onClose}
        />
      ) : null}
      {dialog.kind === 'remove' ? (
        <RemoveDialog
          what={`meter ${dialog.row.meterNo}`}
          note="A meter that has had tokens is kept and deactivated instead, so its sales and records stay complete."
          problem={dialog.problem}
          busy={dialog.busy}
          onConfirm={props.onConfirmRemove}
          onCancel={props.onClose}
        />
      ) : null}
    </div>
  );
}
