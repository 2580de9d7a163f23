import { usePasswordChange, type PasswordChange } from '../use-password-change';

/** Login Password Change's state (the shared password-change form, for the login password). */
export function useLoginPasswordChange(): PasswordChange {
  return usePasswordChange('login');
}
