import type { DistrictRow, DistrictSortColumn } from '../../../shared/ipc/parties-schemas';
import type { DistrictField } from '../../../shared/library/party-rules';
import type { GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import { activeColumn, versionColumn } from '../../components/LibraryGrid/master-columns';
import { LibraryScreenFrame, type LibraryViewProps } from '../../components/LibraryScreenFrame';
import type { MasterDialogState } from '../useMasterLibrary';
import { DistrictDialog } from './DistrictDialog';
import type { DistrictFormState } from './district-form';
import { describeDistrict } from './useDistrictLibrary';

/** The District Library (props only): the grid with New, Edit and Remove, "Show inactive", and its dialogs. */
export interface DistrictLibraryViewProps extends LibraryViewProps<DistrictRow, DistrictSortColumn> {
  dialog: MasterDialogState<DistrictRow, DistrictFormState, DistrictField>;
  canEdit: boolean;
  showInactive: boolean;
  onShowInactive: (show: boolean) => void;
  onChange: (patch: Partial<DistrictFormState>) => void;
  onSave: () => void;
}

const COLUMNS: ReadonlyArray<GridColumn<DistrictRow, DistrictSortColumn>> = [
  { key: 'code', label: 'Code', sortKey: 'code', render: (d) => d.code },
  { key: 'name', label: 'Name', sortKey: 'name', render: (d) => d.name },
  { key: 'description', label: 'Description', render: (d) => d.description },
  versionColumn(),
  activeColumn(),
];

export function DistrictLibraryView(props: Readonly<DistrictLibraryViewProps>) {
  const { dialog } = props;
  return (
    <LibraryScreenFrame
      view={props}
      label="District Library"
      columns={COLUMNS}
      rowKey={(d) => d.id}
      canEdit={props.canEdit}
      showInactive={{ id: 'districts-show-inactive', checked: props.showInactive, onChange: props.onShowInactive }}
      removeNote="A district that sales stations are in or customers live in is kept and deactivated instead."
      removing={dialog.kind === 'remove' ? { what: describeDistrict(dialog.row), problem: dialog.problem, busy: dialog.busy } : null}
    >
      {dialog.kind === 'form' ? (
        <DistrictDialog form={dialog.form} errors={dialog.errors} problem={dialog.problem} busy={dialog.busy} onChange={props.onChange} onSave={props.onSave} onCancel={props.onClose} />
      ) : null}
    </LibraryScreenFrame>
  );
}
