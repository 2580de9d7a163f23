import { useState } from 'react';
import type { SessionInfo } from '../../../shared/ipc/schemas';
import { invoke } from '../../bridge/till';
import { checkFirstPasswords, EMPTY_FIRST_PASSWORDS, hasErrors, type FirstPasswordsErrors, type FirstPasswordsFields } from '../password-form';

/**
 * The forced change after a reset or for a new user: the main side refuses everything else until it succeeds, so
 * this is the whole screen. One call sets the login and the vend password together.
 */
export interface FirstPasswords {
  fields: FirstPasswordsFields;
  errors: FirstPasswordsErrors;
  problem: string | null;
  busy: boolean;
  change(patch: Partial<FirstPasswordsFields>): void;
  save(): Promise<void>;
}

export function useFirstPasswords(session: SessionInfo, onDone: (session: SessionInfo, message: string) => void, onEnded: (message: string) => void): FirstPasswords {
  const [fields, setFields] = useState<FirstPasswordsFields>(EMPTY_FIRST_PASSWORDS);
  const [errors, setErrors] = useState<FirstPasswordsErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return {
    fields,
    errors,
    problem,
    busy,
    change(patch) {
      setFields((f) => ({ ...f, ...patch }));
      setErrors({});
      setProblem(null);
    },
    async save() {
      const checked = checkFirstPasswords(fields, session.userId);
      if (hasErrors(checked)) {
        setErrors(checked);
        return;
      }
      setBusy(true);
      const result = await invoke('password.changeLogin', { currentPassword: fields.temporary, newPassword: fields.login, newVendPassword: fields.vend });
      setBusy(false);
      setFields(EMPTY_FIRST_PASSWORDS);
      if (result.ok) return onDone(result.value.session, result.value.message);
      if (result.error.code === 'LOGIN_LOCKED' || result.error.code === 'NOT_SIGNED_IN') return onEnded(result.error.message);
      setProblem(result.error.message);
    },
  };
}
