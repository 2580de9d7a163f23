import type { ReactNode } from 'react';
import type { DistrictRow, DistrictSortColumn } from '../../../shared/ipc/parties-schemas';
import type { DistrictField } from '../../../shared/library/party-rules';
import type { GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import type { LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import { LibraryScreenFrame } from '../../components/LibraryScreenFrame';
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
  const { dialog } = props;
  return (
    <LibraryScreenFrame
      label="District Library"
      columns={COLUMNS}
      rowKey={(d) => d.id}
      grid={props.grid}
      canEdit={props.canEdit}
      notice={props.notice}
      showInactive={{ id: 'districts-show-inactive', checked: props.showInactive, onChange: props.onShowInactive }}
      excel={props.excel}
      onNew={props.onNew}
      onEdit={props.onEdit}
      onRemove={props.onRemove}
      removeNote="A district that sales stations are in or customers live in is kept and deactivated instead."
      removing={dialog.kind === 'remove' ? { what: describeDistrict(dialog.row), problem: dialog.problem, busy: dialog.busy } : null}
      onConfirmRemove={props.onConfirmRemove}
      onClose={props.onClose}
    >
      {dialog.kind === 'form' ? (
        <DistrictDialog form={dialog.form} errors={dialog.errors} problem={dialog.problem} busy={dialog.busy} onChange={props.onChange} onSave={props.onSave} onCancel={props.onClose} />
      ) : null}
    </LibraryScreenFrame>
  );
}
