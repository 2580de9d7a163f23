import { METER_KIND_LABEL } from '../../../shared/format/units';
import type { MeterRow, MeterSortColumn, ProfileInfo } from '../../../shared/ipc/library-schemas';
import { describeKeyParams } from '../../../shared/library/key-params';
import type { GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import { activeColumn } from '../../components/LibraryGrid/master-columns';
import { LibraryScreenFrame, type LibraryViewProps } from '../../components/LibraryScreenFrame';
import type { ScreenState } from '../../bridge/hooks';
import { MeterDialog } from './MeterDialog';
import { MeterRangeDialog } from './MeterRangeDialog';
import { rangePreview, type MeterForm, type RangeForm } from './meter-form';
import type { MeterDialogState } from './useMeterLibrary';
import type { MeterKind } from '../../../shared/format/units';

/** The Meter Library (props only): the grid "Id | Type | ..." with New, Edit, Remove and New range, and its dialogs. */
export interface MeterLibraryViewProps extends LibraryViewProps<MeterRow, MeterSortColumn> {
  profiles: ScreenState<ProfileInfo[]>;
  dialog: MeterDialogState;
  canEdit: boolean;
  onRange: () => void;
  onReloadProfiles: () => void;
  onForm: (patch: Partial<MeterForm>) => void;
  onFormType: (type: MeterKind) => void;
  onFormProfile: (id: string) => void;
  onSave: () => void;
  onRangeChange: (patch: Partial<RangeForm>) => void;
  onRangeType: (type: MeterKind) => void;
  onRangeProfile: (id: string) => void;
  onSaveRange: () => void;
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
  activeColumn(),
];

export function MeterLibraryView(props: Readonly<MeterLibraryViewProps>) {
  const { dialog } = props;
  const profiles = props.profiles.kind === 'ready' ? props.profiles.value : [];
  return (
    <LibraryScreenFrame
      view={props}
      label="Meter Library"
      columns={COLUMNS}
      rowKey={(m) => m.id}
      canEdit={props.canEdit}
      lookup={{ state: props.profiles, onRetry: props.onReloadProfiles }}
      extraActions={
        <button type="button" onClick={props.onRange} disabled={!props.canEdit || props.profiles.kind !== 'ready'}>
          New range
        </button>
      }
      removeNote="A meter that has had tokens is kept and deactivated instead, so its sales and records stay complete."
      removing={dialog.kind === 'remove' ? { what: `meter ${dialog.row.meterNo}`, problem: dialog.problem, busy: dialog.busy } : null}
    >
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
    </LibraryScreenFrame>
  );
}
