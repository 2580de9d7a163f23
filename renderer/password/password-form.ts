import { PASSWORD_MIN_LENGTH, passwordPolicyProblem } from '../../shared/auth/password-policy';

/**
 * The Password Center's forms, as pure functions: what the operator typed, and the sentence per field before
 * anything is sent. The main side checks everything again (and knows more: the current password, the other one).
 */
export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters, with letters, numbers and a special symbol such as # or !.`;

export interface NewPasswordFields {
  current: string;
  next: string;
  confirm: string;
}

export type NewPasswordErrors = Partial<Record<keyof NewPasswordFields, string>>;

export const EMPTY_PASSWORD_FIELDS: NewPasswordFields = { current: '', next: '', confirm: '' };

/** Checks one "current / new / confirm" group; `what` names the password in the sentences ("password", "vend password"). */
export function checkNewPassword(fields: NewPasswordFields, what: string, userId: string): NewPasswordErrors {
  const errors: NewPasswordErrors = {};
  if (fields.current === '') errors.current = `Type your current ${what}.`;
  const problem = fields.next === '' ? `Type the new ${what}.` : passwordPolicyProblem(fields.next, { userId });
  if (problem) errors.next = problem;
  else if (fields.next === fields.current) errors.next = `The new ${what} must differ from the current one.`;
  if (!errors.next && fields.confirm !== fields.next) errors.confirm = `The two new ${what}s differ. Type the same one twice.`;
  return errors;
}

export function hasErrors(errors: Readonly<Record<string, string | undefined>>): boolean {
  return Object.values(errors).some((e) => e !== undefined);
}

/** The forced first change: the temporary password, then a new login password and a new vend password. */
export interface FirstPasswordsFields {
  temporary: string;
  login: string;
  loginConfirm: string;
  vend: string;
  vendConfirm: string;
}

export type FirstPasswordsErrors = Partial<Record<keyof FirstPasswordsFields, string>>;

export const EMPTY_FIRST_PASSWORDS: FirstPasswordsFields = { temporary: '', login: '', loginConfirm: '', vend: '', vendConfirm: '' };

export function checkFirstPasswords(fields: FirstPasswordsFields, userId: string): FirstPasswordsErrors {
  const login = checkNewPassword({ current: fields.temporary, next: fields.login, confirm: fields.loginConfirm }, 'login password', userId);
  const vend = checkNewPassword({ current: fields.temporary, next: fields.vend, confirm: fields.vendConfirm }, 'vend password', userId);
  const errors: FirstPasswordsErrors = {};
  if (fields.temporary === '') errors.temporary = 'Type the temporary password you were given.';
  if (login.next) errors.login = login.next.replace('the current one', 'the temporary password');
  if (login.confirm) errors.loginConfirm = login.confirm;
  if (vend.next) errors.vend = vend.next.replace('the current one', 'the temporary password');
  else if (fields.vend === fields.login) errors.vend = 'The vend password must differ from the login password.';
  if (vend.confirm) errors.vendConfirm = vend.confirm;
  return errors;
}
