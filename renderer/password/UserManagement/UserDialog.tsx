import type { RoleChoice } from '../../../shared/ipc/access-schemas';
import { FormDialog } from '../../components/FormDialog';
import { CheckboxField, SelectField, TextField } from '../../components/Fields';
import type { UserFormErrors, UserFormState } from './user-form';

/** User Management's New and Edit dialog (props only): id, name, phone, role, active. */
export interface UserDialogProps {
  form: UserFormState;
  errors: UserFormErrors;
  problem: string | null;
  busy: boolean;
  roles: readonly RoleChoice[];
  onChange: (patch: Partial<UserFormState>) => void;
  onSave: () => void;
  onCancel: () => void;
}

export function UserDialog(props: Readonly<UserDialogProps>) {
  const { form, errors } = props;
  return (
    <FormDialog id="user-dialog" title={form.mode === 'new' ? 'New user' : `Edit user ${form.loginId}`} problem={props.problem} busy={props.busy} onSave={props.onSave} onCancel={props.onCancel}>
      <TextField id="user-login-id" label="Id" value={form.loginId} onChange={(loginId) => props.onChange({ loginId })} error={errors.loginId} disabled={form.mode === 'edit' || props.busy} maxLength={40} hint={form.mode === 'new' ? 'The user signs in with it, for example 0001, 009 or Julia08. It cannot be changed later.' : undefined} />
      <TextField id="user-name" label="Name" value={form.name} onChange={(name) => props.onChange({ name })} error={errors.name} disabled={props.busy} maxLength={80} />
      <TextField id="user-phone" label="Phone" value={form.phone} onChange={(phone) => props.onChange({ phone })} error={errors.phone} disabled={props.busy} maxLength={30} inputMode="numeric" />
      <SelectField id="user-role" label="Role" value={form.roleId} onChange={(roleId) => props.onChange({ roleId })} options={props.roles.map((r) => ({ value: r.id, label: r.name === r.code ? r.code : `${r.name} (${r.code})` }))} error={errors.roleId} disabled={props.busy} />
      {form.mode === 'edit' ? <CheckboxField id="user-active" label="Active" checked={form.active} onChange={(active) => props.onChange({ active })} hint="An inactive user cannot sign in." disabled={props.busy} /> : null}
      {form.mode === 'new' ? <p className="field-hint">Saving shows a one-time temporary password to give to the user; they choose their own login and vend passwords at their first sign-in.</p> : null}
    </FormDialog>
  );
}
