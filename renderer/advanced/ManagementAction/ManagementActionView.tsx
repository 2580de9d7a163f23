import type { OverdraftSupport } from '../../../shared/ipc/advanced-schemas';
import type { TopUpRow, TopUpSortColumn } from '../../../shared/ipc/parties-schemas';
import { Dialog } from '../../components/Dialog';
import { Message, SelectField, TextField } from '../../components/Fields';
import { LibraryGrid, type GridColumn } from '../../components/LibraryGrid/LibraryGrid';
import { gridStateProps, type LibraryGridState } from '../../components/LibraryGrid/useLibraryGrid';
import { ManagementReceipt } from './ManagementReceipt';
import type { AccountActionKind, ActionStep, KeyForm } from './useManagementAction';

export const ACTION_TITLE: Readonly<Record<AccountActionKind, string>> = {
  clearTamper: 'Clear Tamper',
  clearCredit: 'Clear Credit',
  setMaxPower: 'Set Max Power',
  setMaxOverdraft: 'Set Max Overdraft',
  keyChange: 'Key Change',
  meterTest: 'Meter Test',
};

export interface ManagementActionViewProps {
  kind: AccountActionKind;
  grid: LibraryGridState<TopUpRow, TopUpSortColumn>;
  step: ActionStep;
  value: string;
  support: OverdraftSupport | null;
  problem: string | null;
  keyForm: KeyForm;
  onKeyForm: (form: KeyForm) => void;
  onValue: (text: string) => void;
  onOpen: () => void;
  onCancel: () => void;
  onGenerate: () => void;
  onPrint: () => void;
}

const VALUE_LABEL: Partial<Record<AccountActionKind, string>> = { setMaxPower: 'Max Power (W)', setMaxOverdraft: 'Max Overdraft' };

/** Advanced Center - an account-based management token (props only): the accounts grid, Confirm … Info, the receipt. */
export function ManagementActionView(props: Readonly<ManagementActionViewProps>) {
  const { grid, step, kind } = props;
  const title = ACTION_TITLE[kind];
  const columns: ReadonlyArray<GridColumn<TopUpRow, TopUpSortColumn>> = [
    { key: 'customerNo', label: 'Customer No.', sortKey: 'customerNo', render: (r) => r.customerNo },
    { key: 'customerName', label: 'User Coder', sortKey: 'customerName', render: (r) => r.customerName },
    { key: 'meterNo', label: 'Meter No.', sortKey: 'meterNo', render: (r) => r.meterNo },
    { key: 'meterType', label: 'Meter Type', sortKey: 'meterType', render: (r) => r.meterType },
  ];
  const valueLabel = VALUE_LABEL[kind];
  const disabled = kind === 'setMaxOverdraft' && props.support !== null && !props.support.supported;
  return (
    <div className="screen">
      {props.problem ? <Message kind="error">{props.problem}</Message> : null}
      {step.kind === 'receipt' ? (
        <ManagementReceipt record={step.record} message={step.message} onPrint={props.onPrint} onClose={props.onCancel} />
      ) : (
        <LibraryGrid
          label={title}
          readOnly
          columns={columns}
          {...gridStateProps(grid)}
          rowKey={(r) => r.accountId}
          canEdit={false}
          onNew={() => undefined}
          onEdit={() => undefined}
          onRemove={() => undefined}
          extraActions={<button type="button" onClick={props.onOpen} disabled={grid.selectedRow === null}>{title}</button>}
        />
      )}
      {step.kind === 'confirm' ? (
        <Dialog id="management-confirm" title={`Confirm ${title} Info`} onCancel={props.onCancel}>
          <dl>
            <dt>Customer No.</dt><dd>{step.row.customerNo}</dd>
            <dt>User Coder</dt><dd>{step.row.customerName}</dd>
            <dt>Meter No.</dt><dd>{step.row.meterNo}</dd>
          </dl>
          {valueLabel ? <TextField id="management-value" label={valueLabel} value={props.value} onChange={props.onValue} inputMode="decimal" disabled={disabled} /> : null}
          {kind === 'keyChange' ? (
            <>
              <TextField id="key-krn" label="New KRN" value={props.keyForm.krn} onChange={(krn) => props.onKeyForm({ ...props.keyForm, krn })} inputMode="numeric" />
              <TextField id="key-ti" label="New TI" value={props.keyForm.ti} onChange={(ti) => props.onKeyForm({ ...props.keyForm, ti })} inputMode="numeric" />
              <TextField id="key-type" label="New key type" value={props.keyForm.keyType} onChange={(keyType) => props.onKeyForm({ ...props.keyForm, keyType })} inputMode="numeric" />
              <TextField id="key-sgc" label="New SGC" value={props.keyForm.sgc} onChange={(sgc) => props.onKeyForm({ ...props.keyForm, sgc })} inputMode="numeric" />
              <SelectField
                id="key-base"
                label="New base date"
                value={props.keyForm.baseYear}
                onChange={(baseYear) => props.onKeyForm({ ...props.keyForm, baseYear })}
                options={[{ value: '1993', label: '1993' }, { value: '2014', label: '2014' }, { value: '2035', label: '2035' }]}
              />
            </>
          ) : null}
          {disabled && props.support?.reason ? <Message kind="error">{props.support.reason}</Message> : null}
          {props.support?.receiptMark ? <p>{props.support.receiptMark}: a test-only encoding.</p> : null}
          {step.problem ? <Message kind="error">{step.problem}</Message> : null}
          <button type="button" onClick={props.onGenerate} disabled={step.busy || disabled}>Generate</button>{' '}
          <button type="button" onClick={props.onCancel}>Cancel</button>
        </Dialog>
      ) : null}
    </div>
  );
}
