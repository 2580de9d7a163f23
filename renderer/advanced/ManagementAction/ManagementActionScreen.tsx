import type { ScreenProps } from '../../app/screen-registry';
import { ManagementActionView } from './ManagementActionView';
import { useManagementAction, type AccountActionKind } from './useManagementAction';

/** Advanced Center - Clear Tamper, Clear Credit, Set Max Power, Set Max Overdraft, Key Change, Meter Test (containers). */
function ManagementActionScreen({ kind }: Readonly<{ kind: AccountActionKind }>) {
  const action = useManagementAction(kind);
  return (
    <ManagementActionView
      kind={kind}
      grid={action.grid}
      step={action.step}
      value={action.value}
      support={action.support}
      problem={action.problem}
      keyForm={action.keyForm}
      onKeyForm={action.setKeyForm}
      onValue={action.setValue}
      onOpen={action.open}
      onCancel={action.cancel}
      onGenerate={() => void action.generate()}
      onPrint={() => void action.print()}
    />
  );
}

export function ClearTamperScreen(_props: Readonly<ScreenProps>) {
  return <ManagementActionScreen kind="clearTamper" />;
}
export function ClearCreditScreen(_props: Readonly<ScreenProps>) {
  return <ManagementActionScreen kind="clearCredit" />;
}
export function SetMaxPowerScreen(_props: Readonly<ScreenProps>) {
  return <ManagementActionScreen kind="setMaxPower" />;
}
export function SetMaxOverdraftScreen(_props: Readonly<ScreenProps>) {
  return <ManagementActionScreen kind="setMaxOverdraft" />;
}
export function KeyChangeScreen(_props: Readonly<ScreenProps>) {
  return <ManagementActionScreen kind="keyChange" />;
}
export function MeterTestScreen(_props: Readonly<ScreenProps>) {
  return <ManagementActionScreen kind="meterTest" />;
}
