import type { StationRow, StationSortColumn } from '../../../shared/ipc/parties-schemas';
import type { StationField } from '../../../shared/library/party-rules';
import type { GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import { activeColumn, versionColumn } from '../../components/LibraryGrid/master-columns';
import { LibraryScreenFrame, type LibraryViewProps } from '../../components/LibraryScreenFrame';
import type { PickerState } from '../../components/SearchPicker/usePicker';
import { districtLabel } from '../picker-loads';
import type { MasterDialogState } from '../useMasterLibrary';
import { StationDialog } from './StationDialog';
import type { StationFormState } from './station-form';
import { describeStation } from './useStationLibrary';

/** The Sales Station Library (props only): the grid with New, Edit and Remove, "Show inactive", and its dialogs. */
export interface StationLibraryViewProps extends LibraryViewProps<StationRow, StationSortColumn> {
  dialog: MasterDialogState<StationRow, StationFormState, StationField>;
  canEdit: boolean;
  showInactive: boolean;
  districtPicker: PickerState;
  onShowInactive: (show: boolean) => void;
  onChange: (patch: Partial<StationFormState>) => void;
  onSave: () => void;
}

const COLUMNS: ReadonlyArray<GridColumn<StationRow, StationSortColumn>> = [
  { key: 'code', label: 'Station Code', sortKey: 'code', render: (s) => s.code },
  { key: 'name', label: 'Name', sortKey: 'name', render: (s) => (s.thisTerminal ? <>{s.name} <span className="badge">this terminal</span></> : s.name) },
  { key: 'district', label: 'District', render: (s) => districtLabel({ code: s.districtCode, name: s.districtName }) },
  { key: 'address', label: 'Address', render: (s) => s.address },
  { key: 'phone', label: 'Phone', render: (s) => s.phone },
  versionColumn(),
  activeColumn(),
];

export function StationLibraryView(props: Readonly<StationLibraryViewProps>) {
  const { dialog } = props;
  return (
    <LibraryScreenFrame
      view={props}
      label="Sales Station Library"
      columns={COLUMNS}
      rowKey={(s) => s.id}
      canEdit={props.canEdit}
      showInactive={{ id: 'stations-show-inactive', checked: props.showInactive, onChange: props.onShowInactive }}
      removeNote="A station that accounts belong to or sales were made at is kept and deactivated instead; this terminal's own station stays."
      removing={dialog.kind === 'remove' ? { what: describeStation(dialog.row), problem: dialog.problem, busy: dialog.busy } : null}
    >
      {dialog.kind === 'form' ? (
        <StationDialog
          form={dialog.form}
          errors={dialog.errors}
          problem={dialog.problem}
          busy={dialog.busy}
          districtPicker={props.districtPicker}
          onChange={props.onChange}
          onSave={props.onSave}
          onCancel={props.onClose}
        />
      ) : null}
    </LibraryScreenFrame>
  );
}
