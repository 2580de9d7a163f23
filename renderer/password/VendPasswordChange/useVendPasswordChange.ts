import { usePasswordChange, type PasswordChange } from '../use-password-change';

/** Vend Password Change's state (the shared password-change form, for the vend password). */
export function useVendPasswordChange(): PasswordChange {
  return usePasswordChange('vend');
}
