import { useState } from 'react';
import { useTill } from '../app/till-context';
import { invoke } from '../bridge/till';
import { checkNewPassword, EMPTY_PASSWORD_FIELDS, hasErrors, type NewPasswordErrors, type NewPasswordFields } from './password-form';

/**
 * Login Password Change and Vend Password Change share their state: the three fields, the per-field sentences, the
 * main side's answer. Passwords are cleared after every attempt, so none stays on screen.
 */
export interface PasswordChange {
  fields: NewPasswordFields;
  errors: NewPasswordErrors;
  problem: string | null;
  notice: string | null;
  busy: boolean;
  change(patch: Partial<NewPasswordFields>): void;
  save(): Promise<void>;
}

export function usePasswordChange(kind: 'login' | 'vend'): PasswordChange {
  const { session } = useTill();
  const [fields, setFields] = useState<NewPasswordFields>(EMPTY_PASSWORD_FIELDS);
  const [errors, setErrors] = useState<NewPasswordErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const what = kind === 'login' ? 'password' : 'vend password';

  return {
    fields,
    errors,
    problem,
    notice,
    busy,
    change(patch) {
      setFields((f) => ({ ...f, ...patch }));
      setErrors({});
      setProblem(null);
      setNotice(null);
    },
    async save() {
      const checked = checkNewPassword(fields, what, session.userId);
      if (hasErrors(checked)) {
        setErrors(checked);
        return;
      }
      setBusy(true);
      const result =
        kind === 'login'
          ? await invoke('password.changeLogin', { currentPassword: fields.current, newPassword: fields.next })
          : await invoke('password.changeVend', { currentVendPassword: fields.current, newVendPassword: fields.next });
      setBusy(false);
      setFields(EMPTY_PASSWORD_FIELDS);
      if (result.ok) {
        setNotice(result.value.message);
        setProblem(null);
      } else {
        setProblem(result.error.message);
      }
    },
  };
}
