import type { FormEvent } from 'react';
import '../password.css';
import type { PermissionCatalogue } from '../../../shared/ipc/access-schemas';
import { Dialog } from '../../components/Dialog';
import { Message, TextField } from '../../components/Fields';
import type { RoleFormErrors, RoleFormState } from './role-form';

/**
 * Role Management's New and Edit dialog (props only): the role id, its name (any language), and the permissions
 * grouped by centre, each group with its own "all" switch. Built-in roles open read-only.
 */
export interface RoleDialogProps {
  form: RoleFormState;
  errors: RoleFormErrors;
  problem: string | null;
  busy: boolean;
  catalogue: PermissionCatalogue;
  onChange: (patch: Partial<Pick<RoleFormState, 'code' | 'name'>>) => void;
  onToggle: (permission: string, on: boolean) => void;
  onToggleGroup: (permissions: readonly string[], on: boolean) => void;
  onSave: () => void;
  onCancel: () => void;
}

const TITLE = { new: 'New role', edit: 'Edit role', view: 'Built-in role' } as const;

export function RoleDialog(props: Readonly<RoleDialogProps>) {
  const { form, errors, catalogue } = props;
  const readOnly = form.mode === 'view' || props.busy;
  const held = new Set(form.permissions);
  const adminWarning = catalogue.adminPermissions.every((p) => held.has(p));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.mode !== 'view') props.onSave();
  };
  return (
    <Dialog id="role-dialog" title={form.mode === 'new' ? TITLE.new : `${TITLE[form.mode]} ${form.code}`} onCancel={props.onCancel} wide>
      {props.problem ? <Message kind="error">{props.problem}</Message> : null}
      {form.mode === 'view' ? <Message kind="notice">Built-in roles are fixed on every terminal. Make a new role with the permissions you need instead.</Message> : null}
      <form onSubmit={submit} noValidate>
        <TextField id="role-code" label="Role id" value={form.code} onChange={(code) => props.onChange({ code })} error={errors.code} disabled={form.mode !== 'new' || props.busy} maxLength={40} hint={form.mode === 'new' ? 'For example OnlyVending or 0001. It cannot be changed later.' : undefined} />
        <TextField id="role-name" label="Role name" value={form.name} onChange={(name) => props.onChange({ name })} error={errors.name} disabled={readOnly} maxLength={60} />
        {catalogue.groups.map((group) => {
          const members = catalogue.permissions.filter((p) => p.group === group);
          if (members.length === 0) return null;
          const groupId = `role-group-${group.replace(/\W+/g, '-').toLowerCase()}`;
          const allOn = members.every((p) => held.has(p.id));
          return (
            <fieldset key={group} className="permission-group" aria-labelledby={`${groupId}-legend`}>
              <legend id={`${groupId}-legend`}>{group}</legend>
              <label className="checkbox-label permission-all">
                <input type="checkbox" checked={allOn} disabled={readOnly} onChange={(event) => props.onToggleGroup(members.map((p) => p.id), event.target.checked)} />
                All of {group}
              </label>
              {members.map((permission) => (
                <label key={permission.id} className="checkbox-label">
                  <input type="checkbox" checked={held.has(permission.id)} disabled={readOnly} onChange={(event) => props.onToggle(permission.id, event.target.checked)} />
                  {permission.label}
                </label>
              ))}
            </fieldset>
          );
        })}
        {adminWarning ? <p className="field-hint">With User Management and Role Management, this role makes its users administrators.</p> : null}
        <div className="form-actions">
          {form.mode === 'view' ? null : (
            <button type="submit" className="primary" disabled={props.busy}>
              {props.busy ? 'Saving…' : 'Save'}
            </button>
          )}
          <button type="button" onClick={props.onCancel} disabled={props.busy}>
            {form.mode === 'view' ? 'Close' : 'Cancel'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
